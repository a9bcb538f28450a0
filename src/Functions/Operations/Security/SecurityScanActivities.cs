using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Integrations.Slack;
using Serverless.Core.Pipelines;
using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;
using Serverless.Core.Security.Secrets;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Operations.Security;

public sealed class SecurityScanActivities(
    LocalRunner runner,
    RepositorySettings repositories,
    PipelineSettings pipelines,
    SecurityScanSettings settings,
    IArtifactStore artifacts,
    SlackChannel slackChannel,
    TimeProvider time,
    ILogger<SecurityScanActivities> logger)
{
    [Function(nameof(ListScannedRepositories))]
    public IReadOnlyList<string> ListScannedRepositories([ActivityTrigger] string instanceId) =>
        [.. repositories.Repositories.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Checks out the repository's default branch, runs the secret scanner and the pipeline.yml scans, stores one
    /// consolidated SARIF report, and freezes (or unfreezes) its deployments by whether secrets are exposed.
    /// </summary>
    [Function(nameof(ScanRepository))]
    public async Task<RepositoryScanSummary> ScanRepository([ActivityTrigger] string repository, CancellationToken cancellationToken)
    {
        var summary = await ScanAsync(repository, time.GetUtcNow().UtcDateTime, cancellationToken);
        await SecurityStore.SaveSummaryAsync(artifacts, summary, cancellationToken);
        return summary;
    }

    private async Task<RepositoryScanSummary> ScanAsync(string repository, DateTime scannedAt, CancellationToken cancellationToken)
    {
        var cloneUrl = repositories.CloneUrlFor(repository) ?? throw new InvalidOperationException($"{repository} is not in {RepositorySettings.SettingName}.");
        string? sha;
        try
        {
            sha = await GitBranches.HeadAsync(cloneUrl, settings.Branch, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return new RepositoryScanSummary(repository, null, scannedAt, 0, 0, 0, 0, 0, 0, [e.Message], null, false);
        }
        if (sha is null)
            return new RepositoryScanSummary(repository, null, scannedAt, 0, 0, 0, 0, 0, 0, [$"{repository} has no branch '{settings.Branch}'"], null, false);

        var workspace = pipelines.WorkspaceFor($"security-{repository.Replace('/', '-')}-{scannedAt:yyyyMMddHHmmss}");
        try
        {
            try
            {
                await runner.CheckoutAsync(cloneUrl, sha, workspace, cancellationToken);
            }
            catch (CheckoutException e)
            {
                return new RepositoryScanSummary(repository, sha, scannedAt, 0, 0, 0, 0, 0, 0, [$"checkout of {settings.Branch} failed: {e.Message}"], null, false);
            }
            var secrets = new SecretScanner().Scan(workspace, cancellationToken).Findings.Select(f => f.ToScanFinding()).ToList();
            var sources = new List<ScanSource>();
            foreach (var scan in await ExternalScansAsync(workspace, cancellationToken))
                sources.Add(await ExternalScanner.RunAsync(scan, workspace, settings.ScannerTimeout, cancellationToken));
            var consolidated = ScanConsolidation.Consolidate(secrets, sources);

            var sarif = SarifWriter.Serialize(consolidated.ToSarifLog());
            await artifacts.WriteAsync(SecurityStore.Report(repository, scannedAt), sarif, cancellationToken);
            await artifacts.WriteAsync(SecurityStore.LatestReport(repository), sarif, cancellationToken);
            var secretCount = consolidated.Findings.Count(f => f.Tool == SecretFinding.ToolName);
            await UpdateFreezeAsync(repository, secretCount, scannedAt, cancellationToken);

            var summary = new RepositoryScanSummary(repository, sha, scannedAt, consolidated.Findings.Count, secretCount,
                consolidated.CountBySeverity(Severity.Critical), consolidated.CountBySeverity(Severity.High),
                consolidated.CountBySeverity(Severity.Medium), consolidated.CountBySeverity(Severity.Low),
                consolidated.Errors, SecurityStore.LatestReport(repository), secretCount > 0);
            await AnnounceAsync(summary, cancellationToken);
            return summary;
        }
        finally
        {
            runner.CleanupWorkspace(workspace);
        }
    }

    /// <summary>The reason deployments of <paramref name="repository"/> may not proceed, or null.</summary>
    [Function(nameof(CheckDeploymentFreeze))]
    public async Task<string?> CheckDeploymentFreeze([ActivityTrigger] string repository, CancellationToken cancellationToken) =>
        await SecurityStore.LoadFreezeAsync(artifacts, repository, cancellationToken) is { Active: true } freeze ? freeze.Describe() : null;

    private async Task<IReadOnlyList<ScanDefinition>> ExternalScansAsync(string workspace, CancellationToken cancellationToken)
    {
        var file = Path.Combine(workspace, CheckoutActivities.PipelineFile);
        if (!File.Exists(file)) return [];
        var parsed = PipelineParser.Parse(await File.ReadAllTextAsync(file, cancellationToken));
        return parsed.Definition?.Scans.Scanners.Where(s => !s.IsBuiltin && s.Step is not null).ToList() ?? [];
    }

    private async Task UpdateFreezeAsync(string repository, int secrets, DateTime scannedAt, CancellationToken cancellationToken)
    {
        var current = await SecurityStore.LoadFreezeAsync(artifacts, repository, cancellationToken);
        if (secrets > 0)
        {
            await SecurityStore.SaveFreezeAsync(artifacts, new DeploymentFreeze { Repository = repository, Secrets = secrets, ScannedAt = scannedAt }, cancellationToken);
            logger.Frozen(repository, secrets);
        }
        else if (current is { Active: true })
        {
            await SecurityStore.SaveFreezeAsync(artifacts, current with { Active = false, LiftedAt = scannedAt, LiftedBy = "security scan", Reason = "a clean scan" }, cancellationToken);
            logger.Unfrozen(repository, "a clean scan");
        }
    }

    private async Task AnnounceAsync(RepositoryScanSummary summary, CancellationToken cancellationToken)
    {
        var text = $"Security scan of {summary.Repository} ({settings.Branch} at {summary.CommitSha?[..7]}): {summary.Findings} finding(s), " +
                   $"{summary.Critical} critical, {summary.High} high, {summary.Secrets} exposed secret(s)" +
                   (summary.Frozen ? ". :no_entry: Deployments are frozen until a clean scan or an override." : ".") +
                   (summary.Errors.Count > 0 ? $" {summary.Errors.Count} report(s) could not be read fully." : "");
        await slackChannel.PostAsync(text, cancellationToken);
    }
}
