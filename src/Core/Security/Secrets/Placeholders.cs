namespace Serverless.Core.Security.Secrets;

/// <summary>Values that sit where a secret would but are obviously not one.</summary>
internal static class Placeholders
{
    private static readonly string[] Words =
    [
        "changeme", "change_me", "change-me", "example", "placeholder", "redacted", "your_", "your-", "yourtoken",
        "dummy", "replace_me", "replaceme", "todo", "fixme", "xxxxxxxx", "********",
    ];

    private const int LongestPlausibleRun = 7;

    /// <summary>
    /// Vendors document example keys with "EXAMPLE" in them (AWS) or filled with one character (Slack's
    /// T00000000/B00000000/XXXX…); a random value practically never repeats a character eight times in a row.
    /// </summary>
    public static bool LooksFake(string value) =>
        value.Contains("EXAMPLE", StringComparison.Ordinal) || LongestRun(value) > LongestPlausibleRun;

    /// <summary>
    /// Prose ("Password used to generate key") and identifiers ("bare-quoted-string") are not secrets. Generated
    /// secrets have no spaces and almost always a digit; a 16-character base62 one lacks a digit about 6% of the time.
    /// </summary>
    public static bool LooksLikeWords(string value) => value.Any(char.IsWhiteSpace) || !value.Any(char.IsAsciiDigit);

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

    private static int LongestRun(string value)
    {
        var longest = 0;
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            run = i > 0 && value[i] == value[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
