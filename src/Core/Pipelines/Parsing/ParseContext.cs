using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>Collects every error of one parse, each at the node it is about.</summary>
internal sealed partial class ParseContext
{
    private readonly List<PipelineError> errors = [];

    public bool HasErrors => errors.Count > 0;

    public IReadOnlyList<PipelineError> Errors =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    public void Error(YamlNode node, string path, string message) => Error(node.Start, path, message);

    public void Error(Mark mark, string path, string message) =>
        errors.Add(new PipelineError((int)mark.Line, (int)mark.Column, path, message));

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>How a node reads in a message: <c>'abc'</c>, <c>a list</c>, <c>a mapping</c>, <c>nothing</c>.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode scalar => Quote(scalar.Value ?? ""),
        _ => "an unknown node",
    };

    public static string Quote(string value) => value.Length <= 60 ? $"'{value}'" : $"'{value[..57]}...'";

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
