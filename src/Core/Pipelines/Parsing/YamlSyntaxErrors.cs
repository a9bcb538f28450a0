using YamlDotNet.Core;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>YamlDotNet's syntax errors, reworded for the mistakes people make in pipeline files.</summary>
internal static class YamlSyntaxErrors
{
    private const string DuplicateKey = "Duplicate key ";

    public static (Mark Where, string Message) Describe(YamlException error, string yaml)
    {
        var message = error.Message.TrimEnd('.');
        if (message.StartsWith(DuplicateKey, StringComparison.Ordinal))
            return (error.Start, $"'{message[DuplicateKey.Length..]}' appears twice in the same mapping");
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(yaml) is { } tab)
            return (tab, "invalid YAML: a tab indents this line; indent with spaces");
        if (message.Contains("cannot start any token", StringComparison.Ordinal) && CharAt(yaml, error.Start) is { } c && c is '%' or '@' or '`')
            return (error.Start, $"invalid YAML: a value cannot start with '{c}' unless it is quoted: write \"{TokenAt(yaml, error.Start)}\"");
        if (message.Contains("found invalid mapping", StringComparison.Ordinal) || message.Contains("Mapping values are not allowed", StringComparison.Ordinal))
            return (error.Start, $"invalid YAML: {Lower(message)}; check the indentation, and quote values that contain ': '");
        if (message.Contains("quoted scalar", StringComparison.Ordinal) && message.Contains("end of stream", StringComparison.Ordinal))
            return (error.Start, "invalid YAML: this quoted value is never closed");
        return (error.Start, $"invalid YAML: {Lower(message)}");
    }

    private static string Lower(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];

    private static char? CharAt(string yaml, Mark mark) => mark.Index >= 0 && mark.Index < yaml.Length ? yaml[(int)mark.Index] : null;

    private static string TokenAt(string yaml, Mark mark)
    {
        var start = (int)mark.Index;
        var end = start;
        while (end < yaml.Length && !char.IsWhiteSpace(yaml[end]) && yaml[end] is not (',' or ']' or '}' or '#'))
            end++;
        return yaml[start..Math.Min(end, start + 60)];
    }

    private static Mark? FirstIndentingTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
                return new Mark(0, i + 1, tab + 1);
        }
        return null;
    }
}
