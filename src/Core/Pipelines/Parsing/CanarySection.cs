using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>canary:</c> traffic steps (increasing, ending at 100) and the analysis limits.</summary>
internal static class CanarySection
{
    private static readonly string[] Keys = ["steps", "interval", "maxErrorRate", "maxLatencyP95"];

    public static CanaryDefinition Read(ParseContext context, YamlNode node, string path)
    {
        var map = MappingReader.Open(context, node, path, Keys, "a mapping like { steps: [10, 50, 100], interval: 15m }");
        if (map is null)
            return new CanaryDefinition();
        return new CanaryDefinition
        {
            Steps = map["steps"] is { } stepsNode ? ReadSteps(context, stepsNode, map.PathOf("steps")) : PipelineDefaults.CanarySteps,
            Interval = map.Duration("interval") ?? PipelineDefaults.CanaryInterval,
            MaxErrorRate = map.Percentage("maxErrorRate") ?? PipelineDefaults.CanaryMaxErrorRate,
            MaxLatencyP95 = map.Duration("maxLatencyP95"),
        };
    }

    private static IReadOnlyList<int> ReadSteps(ParseContext context, YamlNode node, string path)
    {
        var items = context.Sequence(node, path, "a list of traffic percentages like [10, 50, 100]");
        if (items is null)
            return PipelineDefaults.CanarySteps;
        if (items.Count == 0)
        {
            context.Error(node, path, "must list at least one step, and the last must be 100");
            return PipelineDefaults.CanarySteps;
        }
        var steps = new List<int>();
        int? previous = null;
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = ParseContext.Item(path, i);
            var percent = context.Percentage(items[i], itemPath);
            if (percent is null)
                continue;
            if (percent <= 0 || percent != Math.Floor(percent.Value))
            {
                context.Error(items[i], itemPath, $"must be a whole percentage from 1 to 100 (got {ParseContext.Quote(((YamlScalarNode)items[i]).Value!)})");
                continue;
            }
            var step = (int)percent.Value;
            if (previous is { } before && step <= before)
                context.Error(items[i], itemPath, $"must be greater than {before}; steps only ever add traffic");
            else if (i == items.Count - 1 && step != 100)
                context.Error(items[i], itemPath, $"the last step must be 100, so the new version ends up with all traffic (got {step})");
            previous = step;
            steps.Add(step);
        }
        return steps;
    }
}
