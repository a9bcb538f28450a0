using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Pipelines;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines.Activities;

public sealed class CheckoutActivities(LocalRunner runner, PipelineSettings settings)
{
    public const string PipelineFile = "pipeline.yml";

    /// <summary>Checks out the pushed commit and reads its pipeline.yml. Idempotent: a redelivery checks out again.</summary>
    [Function(nameof(Checkout))]
    public async Task<CheckoutOutcome> Checkout([ActivityTrigger] PipelineRun run, CancellationToken cancellationToken)
    {
        var workspace = settings.WorkspaceFor(run.RunId);
        try
        {
            await runner.CheckoutAsync(run.CloneUrl, run.CommitSha, workspace, cancellationToken);
        }
        catch (CheckoutException ex)
        {
            return new CheckoutOutcome(workspace, null, [$"checkout of {run.ShortSha} failed: {ex.Message}"]);
        }
        var file = Path.Combine(workspace, PipelineFile);
        if (!File.Exists(file)) return new CheckoutOutcome(workspace, null, [$"{PipelineFile}: not found at the root of {run.Repository} at {run.ShortSha}"]);
        var parsed = PipelineParser.Parse(await File.ReadAllTextAsync(file, cancellationToken));
        return new CheckoutOutcome(workspace, parsed.Definition, [.. parsed.Errors.Select(e => e.ToString())]);
    }

    [Function(nameof(CleanupWorkspace))]
    public bool CleanupWorkspace([ActivityTrigger] string runId)
    {
        runner.CleanupWorkspace(settings.WorkspaceFor(runId));
        return true;
    }
}
