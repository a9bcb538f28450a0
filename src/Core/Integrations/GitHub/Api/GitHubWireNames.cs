namespace Serverless.Core.Integrations.GitHub;

/// <summary>The strings GitHub accepts for each state.</summary>
internal static class GitHubWireNames
{
    public static string Of(CommitState state) => state switch
    {
        CommitState.Error => "error",
        CommitState.Failure => "failure",
        CommitState.Pending => "pending",
        CommitState.Success => "success",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a commit status state."),
    };

    public static string Of(DeploymentState state) => state switch
    {
        DeploymentState.Error => "error",
        DeploymentState.Failure => "failure",
        DeploymentState.Inactive => "inactive",
        DeploymentState.InProgress => "in_progress",
        DeploymentState.Queued => "queued",
        DeploymentState.Pending => "pending",
        DeploymentState.Success => "success",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a deployment status state."),
    };
}
