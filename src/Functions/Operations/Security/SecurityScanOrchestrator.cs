using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Operations.Security;

/// <summary>Scans every configured repository in parallel; each scan stores its report and sets or lifts its freeze.</summary>
public sealed class SecurityScanOrchestrator
{
    [Function(nameof(SecurityScanOrchestrator))]
    public async Task<RepositoryScanSummary[]> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var repositories = await context.CallActivityAsync<string[]>(nameof(SecurityScanActivities.ListScannedRepositories), context.InstanceId);
        var summaries = await Task.WhenAll(repositories.Select(r => context.CallActivityAsync<RepositoryScanSummary>(nameof(SecurityScanActivities.ScanRepository), r)));
        context.SetCustomStatus(new { repositories = summaries.Length, frozen = summaries.Count(s => s.Frozen) });
        return summaries;
    }
}
