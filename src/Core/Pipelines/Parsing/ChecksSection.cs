using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>checks:</c> named commands, plus the reserved <c>coverage: { minimum: 80 }</c>.</summary>
internal static class ChecksSection
{
    public const string CoverageKey = "coverage";
    private static readonly string[] CoverageKeys = ["minimum"];

    public static ChecksDefinition Read(ParseContext context, YamlNode node, string path)
    {
        var map = MappingReader.Open(context, node, path, null, "a mapping of check names to commands");
        if (map is null)
            return new ChecksDefinition();
        var steps = new List<CommandStep>();
        CoverageRequirement? coverage = null;
        foreach (var (key, value) in map.Entries)
        {
            var entryPath = ParseContext.Child(path, key.Value!);
            if (key.Value == CoverageKey)
            {
                coverage = ReadCoverage(context, value, entryPath);
                continue;
            }
            if (context.Name(key, entryPath, key.Value!) is { } name && StepReader.Read(context, value, entryPath, name) is { } step)
                steps.Add(step);
        }
        return new ChecksDefinition { Steps = steps, Coverage = coverage };
    }

    private static CoverageRequirement? ReadCoverage(ParseContext context, YamlNode node, string path)
    {
        var map = MappingReader.Open(context, node, path, CoverageKeys, "a mapping like { minimum: 80 }");
        if (map is null)
            return null;
        if (map["minimum"] is null)
        {
            map.Missing("minimum", "is required: the line coverage in percent, like 80");
            return null;
        }
        return map.Percentage("minimum") is { } minimum ? new CoverageRequirement { Minimum = minimum } : null;
    }
}
