using Serverless.Core.Security;
using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>scans:</c> named scanners (<c>builtin</c> or a command), plus the reserved <c>block:</c> list of severities.</summary>
internal static class ScansSection
{
    public const string BlockKey = "block";
    public const string Builtin = "builtin";
    public const string BuiltinScan = "secrets";
    private static readonly string[] ScanKeys = ["command", "timeout", "format"];

    public static readonly IReadOnlyDictionary<string, Severity> Severities = new Dictionary<string, Severity>
    {
        ["critical"] = Severity.Critical,
        ["high"] = Severity.High,
        ["medium"] = Severity.Medium,
        ["low"] = Severity.Low,
    };

    public static readonly IReadOnlyDictionary<string, ScanReportFormat> Formats = new Dictionary<string, ScanReportFormat>
    {
        ["sarif"] = ScanReportFormat.Sarif,
        ["npm-audit"] = ScanReportFormat.NpmAudit,
    };

    public static ScansDefinition Read(ParseContext context, YamlNode node, string path)
    {
        var map = MappingReader.Open(context, node, path, null, "a mapping of scan names to 'builtin' or commands");
        if (map is null)
            return new ScansDefinition();
        var scanners = new List<ScanDefinition>();
        var block = PipelineDefaults.BlockedSeverities;
        foreach (var (key, value) in map.Entries)
        {
            var entryPath = ParseContext.Child(path, key.Value!);
            if (key.Value == BlockKey)
                block = ReadBlock(context, value, entryPath) ?? block;
            else if (context.Name(key, entryPath, key.Value!) is { } name && ReadScan(context, value, entryPath, name) is { } scan)
                scanners.Add(scan);
        }
        return new ScansDefinition { Scanners = scanners, Block = block };
    }

    private static ScanDefinition? ReadScan(ParseContext context, YamlNode node, string path, string name)
    {
        if (node is YamlScalarNode { Value: Builtin })
        {
            if (name == BuiltinScan)
                return new ScanDefinition { Name = name, IsBuiltin = true };
            context.Error(node, path, $"'{Builtin}' is only available for '{BuiltinScan}'; give a command that writes SARIF to standard output");
            return null;
        }
        if (node is not YamlMappingNode)
            return StepReader.Read(context, node, path, name) is { } command
                ? new ScanDefinition { Name = name, Step = command, Format = InferFormat(command.Command) }
                : null;
        var map = MappingReader.Open(context, node, path, ScanKeys)!;
        var format = map.Choice("format", "report format", Formats);
        var step = StepReader.FromMap(map, name);
        return step is null ? null : new ScanDefinition { Name = name, Step = step, Format = format ?? InferFormat(step.Command) };
    }

    private static ScanReportFormat InferFormat(string command) =>
        command.Contains("npm audit", StringComparison.Ordinal) ? ScanReportFormat.NpmAudit : ScanReportFormat.Sarif;

    private static IReadOnlyList<Severity>? ReadBlock(ParseContext context, YamlNode node, string path)
    {
        var items = context.Sequence(node, path, "a list of severities like [critical, high]");
        if (items is null)
            return null;
        var block = new List<Severity>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ParseContext.Item(path, i);
            if (context.Choice(items[i], itemPath, "severity", Severities) is not { } severity)
                continue;
            if (block.Contains(severity))
                context.Error(items[i], itemPath, $"'{severity.ToString().ToLowerInvariant()}' is listed twice");
            else
                block.Add(severity);
        }
        return block;
    }
}
