namespace Serverless.Core.Integrations.GitHub;

/// <summary>Marks commits with the pipeline's outcome (the checks list on a commit or pull request).</summary>
public interface IGitHubCommitStatuses
{
    /// <summary>Creates a status for <paramref name="sha"/>; a later status with the same <paramref name="context"/> replaces it in the UI.</summary>
    /// <returns>The status id.</returns>
    Task<long> CreateCommitStatusAsync(
        string owner, string repo, string sha, CommitState state, string context, string? description, string? targetUrl,
        CancellationToken cancellationToken = default);
}
