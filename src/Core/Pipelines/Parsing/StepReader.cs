using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary>A command step written as a command, or as <c>{ command: ..., timeout: 20m }</c>.</summary>
internal static class StepReader
{
    public const string Expected = "a command, or a mapping with command and timeout";
    public static readonly string[] NamedKeys = ["command", "timeout"];
    private static readonly string[] ListedKeys = ["name", "command", "timeout"];

    /// <summary>A step whose name is given by its place in the file (a check's key, a service's build).</summary>
    public static CommandStep? Read(ParseContext context, YamlNode node, string path, string name) =>
        Read(context, node, path, name, NamedKeys);

    /// <summary>A step in a list: named by its command unless it says <c>name:</c>.</summary>
    public static CommandStep? ReadListed(ParseContext context, YamlNode node, string path) =>
        Read(context, node, path, null, ListedKeys);

    /// <summary>The step in a mapping opened by the caller (which may allow keys of its own).</summary>
    public static CommandStep? FromMap(MappingReader map, string? name)
    {
        var command = map.RequiredText("command", "a command");
        var timeout = map.Duration("timeout");
        var stepName = name ?? map.Text("name") ?? command;
        if (command is null || stepName is null)
            return null;
        return new CommandStep { Name = stepName, Command = command, Timeout = timeout ?? PipelineDefaults.StepTimeout };
    }

    private static CommandStep? Read(ParseContext context, YamlNode node, string path, string? name, string[] keys)
    {
        if (node is YamlMappingNode)
            return FromMap(MappingReader.Open(context, node, path, keys)!, name);
        var command = context.Text(node, path, Expected);
        return command is null ? null : new CommandStep { Name = name ?? command, Command = command };
    }
}
