namespace Serverless.Core.Integrations.GitHub;

/// <summary>Records deployments and their progress on GitHub (the repository's Environments view).</summary>
public interface IGitHubDeployments
{
    /// <returns>The deployment id, for <see cref="CreateDeploymentStatusAsync"/>.</returns>
    Task<long> CreateDeploymentAsync(
        string owner, string repo, string @ref, string environment, string? description, object? payload,
        bool transientEnvironment, bool productionEnvironment, CancellationToken cancellationToken = default);

    /// <returns>The deployment status id.</returns>
    Task<long> CreateDeploymentStatusAsync(
        string owner, string repo, long deploymentId, DeploymentState state, string? environmentUrl, string? logUrl,
        string? description, CancellationToken cancellationToken = default);
}
