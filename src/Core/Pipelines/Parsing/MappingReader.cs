using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>A mapping whose keys were checked against the allowed ones, with typed reads that report into the context.</summary>
internal sealed class MappingReader
{
    private readonly ParseContext context;
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);

    private MappingReader(ParseContext context, YamlMappingNode node, string path)
    {
        this.context = context;
        Node = node;
        Path = path;
    }

    public YamlMappingNode Node { get; }
    public string Path { get; }

    /// <summary>Entries in file order; only those with a plain key.</summary>
    public List<(YamlScalarNode Key, YamlNode Value)> Entries { get; } = [];

    /// <summary>Reads <paramref name="node"/> as a mapping; with <paramref name="allowedKeys"/> null any key is accepted.</summary>
    public static MappingReader? Open(ParseContext context, YamlNode node, string path, IReadOnlyList<string>? allowedKeys, string expected = "a mapping")
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, path, $"must be {expected}, not {ParseContext.Describe(node)}");
            return null;
        }
        var reader = new MappingReader(context, mapping, path);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode key || ParseContext.IsNull(key) || string.IsNullOrWhiteSpace(key.Value))
            {
                context.Error(keyNode, path, $"keys must be names, not {ParseContext.Describe(keyNode)}");
                continue;
            }
            var name = key.Value;
            if (allowedKeys is not null && !allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                context.Error(key, ParseContext.Child(path, name), KeySuggestion.UnknownKey(name, allowedKeys));
                continue;
            }
            reader.values[name] = value;
            reader.Entries.Add((key, value));
        }
        return reader;
    }

    public YamlNode? this[string key] => values.GetValueOrDefault(key);

    public string PathOf(string key) => ParseContext.Child(Path, key);

    public void Missing(string key, string message = "is required") => context.Error(Node, PathOf(key), message);

    public string? Text(string key, string expected = "text") =>
        this[key] is { } node ? context.Text(node, PathOf(key), expected) : null;

    public string? RequiredText(string key, string expected = "text")
    {
        if (this[key] is not null)
            return Text(key, expected);
        Missing(key);
        return null;
    }

    public int? Integer(string key, int min, int max = int.MaxValue) =>
        this[key] is { } node ? context.Integer(node, PathOf(key), min, max) : null;

    public TimeSpan? Duration(string key) =>
        this[key] is { } node ? context.Duration(node, PathOf(key)) : null;

    public double? Percentage(string key) =>
        this[key] is { } node ? context.Percentage(node, PathOf(key)) : null;

    public T? Choice<T>(string key, string noun, IReadOnlyDictionary<string, T> choices) where T : struct =>
        this[key] is { } node ? context.Choice(node, PathOf(key), noun, choices) : null;
}
