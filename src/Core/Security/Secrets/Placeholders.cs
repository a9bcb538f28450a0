namespace Serverless.Core.Security.Secrets;

/// <summary>Values that sit where a secret would but are obviously not one.</summary>
internal static class Placeholders
{
    private static readonly string[] Words =
    [
        "changeme", "change_me", "change-me", "example", "placeholder", "redacted", "your_", "your-", "yourtoken",
        "dummy", "replace_me", "replaceme", "todo", "fixme", "xxxxxxxx", "********",
    ];

    /// <summary>AWS documents its example keys with "EXAMPLE" in them; scanners everywhere skip those.</summary>
    public static bool IsDocumentedExample(string value) => value.Contains("EXAMPLE", StringComparison.Ordinal);

    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0
            || IsReference(trimmed)
            || IsOneRepeatedChar(trimmed)
            || Words.Any(word => trimmed.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    // ${VAR}, $VAR, $(cmd), {{ var }}, %VAR%, #{var}, <secret>: the value comes from somewhere else.
    private static bool IsReference(string value) =>
        value.StartsWith('$')
        || (value[0] == '<' && value[^1] == '>')
        || value.StartsWith("{{", StringComparison.Ordinal)
        || value.StartsWith("#{", StringComparison.Ordinal)
        || (value.Length > 2 && value[0] == '%' && value[^1] == '%');

    private static bool IsOneRepeatedChar(string value) => value.AsSpan().IndexOfAnyExcept(value[0]) < 0;
}
