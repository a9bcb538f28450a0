namespace Serverless.Core.Integrations.GitHub;

/// <summary>The <c>state</c> of a deployment status.</summary>
public enum DeploymentState
{
    Error,
    Failure,
    Inactive,
    InProgress,
    Queued,
    Pending,
    Success,
}
