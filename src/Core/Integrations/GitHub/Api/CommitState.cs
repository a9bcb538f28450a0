namespace Serverless.Core.Integrations.GitHub;

/// <summary>The <c>state</c> of a commit status.</summary>
public enum CommitState
{
    Error,
    Failure,
    Pending,
    Success,
}
