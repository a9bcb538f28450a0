using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

internal sealed partial class ParseContext
{
    /// <summary>Non-empty text; reports and returns null otherwise.</summary>
    public string? Text(YamlNode node, string path, string expected = "text")
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar) && !string.IsNullOrWhiteSpace(scalar.Value))
            return scalar.Value;
        Error(node, path, IsNull(node) || node is YamlScalarNode ? $"is empty; expected {expected}" : $"must be {expected}, not {Describe(node)}");
        return null;
    }

    public int? Integer(YamlNode node, string path, int min, int max)
    {
        var text = Text(node, path, "a whole number");
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, path, $"must be a whole number, not {Quote(text)}");
            return null;
        }
        if (value < min || value > max)
        {
            Error(node, path, max == int.MaxValue ? $"must be at least {min} (got {value})" : $"must be between {min} and {max} (got {value})");
            return null;
        }
        return value;
    }

    public TimeSpan? Duration(YamlNode node, string path)
    {
        var text = Text(node, path, $"a duration like {DurationSyntax.Examples}");
        if (text is null)
            return null;
        if (!DurationSyntax.TryParse(text.Trim(), out var value))
        {
            Error(node, path, $"{Quote(text)} is not a duration; write a number and a unit, like {DurationSyntax.Examples}");
            return null;
        }
        if (value <= TimeSpan.Zero)
        {
            Error(node, path, "must be longer than zero");
            return null;
        }
        return value;
    }

    public double? Percentage(YamlNode node, string path)
    {
        var text = Text(node, path, "a percentage like 1% or 1");
        if (text is null)
            return null;
        if (!PercentageSyntax.TryParse(text, out var value))
        {
            Error(node, path, $"{Quote(text)} is not a percentage; write it like 1% or 1");
            return null;
        }
        if (value is < 0 or > 100)
        {
            Error(node, path, $"must be between 0% and 100% (got {Quote(text)})");
            return null;
        }
        return value;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), or an error listing them.</summary>
    public T? Choice<T>(YamlNode node, string path, string noun, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        var text = Text(node, path, $"a {noun}");
        if (text is null)
            return null;
        foreach (var (name, value) in choices)
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
                return value;
        Error(node, path, $"{Quote(text)} is not a {noun}; use one of: {string.Join(", ", choices.Keys)}");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string path, string expected)
    {
        if (node is YamlSequenceNode sequence)
            return [.. sequence.Children];
        Error(node, path, $"must be {expected}, not {Describe(node)}");
        return null;
    }

    /// <summary>Names of services, environments, checks and scans: they end up in ids, URLs and logs.</summary>
    public string? Name(YamlNode node, string path, string value)
    {
        if (NameSyntax.IsValid(value))
            return value;
        Error(node, path, $"{Quote(value)} is not a valid name; {NameSyntax.Rule}");
        return null;
    }
}
