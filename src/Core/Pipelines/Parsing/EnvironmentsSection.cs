using YamlDotNet.RepresentationModel;

namespace Serverless.Core.Pipelines.Parsing;

/// <summary><c>environments:</c> named environments in file order, each routed from its own branch.</summary>
internal static class EnvironmentsSection
{
    private static readonly string[] Keys = ["branch", "strategy", "target", "approvals", "tests", "smokeTests", "health", "canary"];

    public static IReadOnlyDictionary<string, DeploymentStrategy> Strategies => DeploymentStrategyNames.ByName;

    public static IReadOnlyList<EnvironmentDefinition> Read(ParseContext context, YamlNode node, string path, ChecksDefinition checks)
    {
        var map = MappingReader.Open(context, node, path, null, "a mapping of environment names to settings");
        if (map is null)
            return [];
        var environments = new List<EnvironmentDefinition>();
        var branches = new Dictionary<string, (string Environment, long Line)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            var entryPath = ParseContext.Child(path, key.Value!);
            var name = context.Name(key, entryPath, key.Value!);
            var settings = MappingReader.Open(context, value, entryPath, Keys, "a mapping with at least a branch");
            if (settings is null)
                continue;
            var environment = ReadEnvironment(context, settings, name ?? key.Value!, checks);
            if (environment is null || name is null)
                continue;
            if (branches.TryGetValue(environment.Branch, out var first))
            {
                context.Error(settings["branch"]!, settings.PathOf("branch"),
                    $"branch '{environment.Branch}' already deploys to environment '{first.Environment}' (line {first.Line}); each branch routes to one environment");
                continue;
            }
            branches[environment.Branch] = (name, settings["branch"]!.Start.Line);
            environments.Add(environment);
        }
        return environments;
    }

    private static EnvironmentDefinition? ReadEnvironment(ParseContext context, MappingReader map, string name, ChecksDefinition checks)
    {
        var branch = map.RequiredText("branch", "a branch name like main or release/*");
        if (branch is not null && BranchPattern.Problem(branch) is { } problem)
        {
            context.Error(map["branch"]!, map.PathOf("branch"), problem);
            branch = null;
        }
        var strategy = map.Choice("strategy", "strategy", Strategies);
        var target = map.Text("target", "a target name like local");
        var approvals = map["approvals"] is { } approvalsNode
            ? ApprovalsSection.Read(context, approvalsNode, map.PathOf("approvals"), name)
            : null;
        var tests = map["tests"] is { } testsNode ? ReadTests(context, testsNode, map.PathOf("tests"), checks) : [];
        var smokeTests = map["smokeTests"] is { } smokeNode ? ReadSteps(context, smokeNode, map.PathOf("smokeTests")) : [];
        var health = map["health"] is { } healthNode ? HealthSection.Read(context, healthNode, map.PathOf("health")) : new HealthCheckDefinition();
        // An unreadable strategy was reported already; judging the canary block against a guess would only add noise.
        var canary = map["strategy"] is not null && strategy is null ? null : ReadCanary(context, map, strategy ?? PipelineDefaults.Strategy);

        if (branch is null)
            return null;
        return new EnvironmentDefinition
        {
            Name = name,
            Branch = branch,
            Strategy = strategy ?? PipelineDefaults.Strategy,
            Target = target ?? PipelineDefaults.Target,
            Approvals = approvals,
            Tests = tests,
            SmokeTests = smokeTests,
            Health = health,
            Canary = canary,
        };
    }

    private static CanaryDefinition? ReadCanary(ParseContext context, MappingReader map, DeploymentStrategy strategy)
    {
        if (strategy != DeploymentStrategy.Canary)
        {
            if (map["canary"] is { } misplaced)
                context.Error(misplaced, map.PathOf("canary"), $"only applies to 'strategy: canary' (this environment uses '{StrategyName(strategy)}')");
            return null;
        }
        return map["canary"] is { } canaryNode ? CanarySection.Read(context, canaryNode, map.PathOf("canary")) : new CanaryDefinition();
    }

    /// <summary>Each entry is the name of a check (run with that check's command and timeout) or a command.</summary>
    private static IReadOnlyList<CommandStep> ReadTests(ParseContext context, YamlNode node, string path, ChecksDefinition checks) =>
        [.. ReadSteps(context, node, path).Select(step => IsBareWord(step) && checks.Steps.FirstOrDefault(c => c.Name == step.Command) is { } check ? check : step)];

    private static bool IsBareWord(CommandStep step) => step.Name == step.Command && !step.Command.Contains(' ');

    private static IReadOnlyList<CommandStep> ReadSteps(ParseContext context, YamlNode node, string path)
    {
        var items = context.Sequence(node, path, "a list of commands");
        if (items is null)
            return [];
        var steps = new List<CommandStep>();
        for (var i = 0; i < items.Count; i++)
            if (StepReader.ReadListed(context, items[i], ParseContext.Item(path, i)) is { } step)
                steps.Add(step);
        return steps;
    }

    public static string StrategyName(DeploymentStrategy strategy) => Strategies.First(s => s.Value == strategy).Key;
}
