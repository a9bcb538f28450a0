using System.Text.Json;
using Serverless.Core.Artifacts;

namespace Serverless.Functions.Operations.Security;

/// <summary>Where the scan keeps its reports and freezes: small artifacts, durable across restarts.</summary>
public static class SecurityStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string LatestReport(string repository) => $"security/reports/{repository.ToLowerInvariant()}/latest.sarif";

    public static string Report(string repository, DateTime scannedAt) =>
        $"security/reports/{repository.ToLowerInvariant()}/{scannedAt:yyyyMMdd'T'HHmmss'Z'}.sarif";

    /// <summary>The counts of the latest scan, for overviews that should not parse every SARIF report.</summary>
    public static string LatestSummary(string repository) => $"security/reports/{repository.ToLowerInvariant()}/latest.json";

    public static string Freeze(string repository) => $"security/freezes/{repository.ToLowerInvariant()}.json";

    public static async Task<DeploymentFreeze?> LoadFreezeAsync(IArtifactStore artifacts, string repository, CancellationToken cancellationToken = default)
    {
        var name = Freeze(repository);
        if (!await artifacts.ExistsAsync(name, cancellationToken)) return null;
        return JsonSerializer.Deserialize<DeploymentFreeze>(await artifacts.ReadAllTextAsync(name, cancellationToken), Json);
    }

    public static async Task<RepositoryScanSummary?> LoadSummaryAsync(IArtifactStore artifacts, string repository, CancellationToken cancellationToken = default)
    {
        var name = LatestSummary(repository);
        if (!await artifacts.ExistsAsync(name, cancellationToken)) return null;
        return JsonSerializer.Deserialize<RepositoryScanSummary>(await artifacts.ReadAllTextAsync(name, cancellationToken), Json);
    }

    public static Task SaveSummaryAsync(IArtifactStore artifacts, RepositoryScanSummary summary, CancellationToken cancellationToken = default) =>
        artifacts.WriteAsync(LatestSummary(summary.Repository), JsonSerializer.Serialize(summary, Json), cancellationToken);

    public static Task SaveFreezeAsync(IArtifactStore artifacts, DeploymentFreeze freeze, CancellationToken cancellationToken = default) =>
        artifacts.WriteAsync(Freeze(freeze.Repository), JsonSerializer.Serialize(freeze, Json), cancellationToken);
}
