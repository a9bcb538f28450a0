namespace Serverless.Core.Pipelines;

/// <summary>A repository's pipeline.yml: immutable data, validated by <see cref="PipelineParser"/>.</summary>
public sealed record PipelineDefinition
{
    public required string Name { get; init; }
    public IReadOnlyList<ServiceDefinition> Services { get; init; } = [];
    public ChecksDefinition Checks { get; init; } = new();
    public ScansDefinition Scans { get; init; } = new();

    /// <summary>In file order; each routes one branch (or branch pattern).</summary>
    public IReadOnlyList<EnvironmentDefinition> Environments { get; init; } = [];

    public NotificationsDefinition Notifications { get; init; } = new();

    /// <summary>
    /// The environment a push to <paramref name="branch"/> deploys to, or null when none does. Accepts <c>main</c> or
    /// <c>refs/heads/main</c>; other refs (tags, pull requests) route nowhere. An exact branch wins over a pattern;
    /// among patterns the first in the file wins.
    /// </summary>
    public EnvironmentDefinition? EnvironmentForBranch(string branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        var name = BranchPattern.BranchName(branch);
        if (name is null)
            return null;
        return Environments.FirstOrDefault(e => e.Branch == name)
            ?? Environments.FirstOrDefault(e => BranchPattern.IsPattern(e.Branch) && BranchPattern.Matches(e.Branch, name));
    }
}
