using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Pipelines;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines.Activities;

public sealed class CheckoutActivities(LocalRunner runner, PipelineSettings settings, RepositorySettings repositories)
{
    public const string PipelineFile = "pipeline.yml";

    /// <summary>
    /// Checks out the pushed commit and reads its pipeline.yml. Idempotent: a redelivery checks out again. The clone URL
    /// comes from PIPELINES_REPOSITORIES here, never from the run's input, so credentials in it stay out of history.
    /// </summary>
    [Function(nameof(Checkout))]
    public async Task<CheckoutOutcome> Checkout([ActivityTrigger] PipelineRun run, CancellationToken cancellationToken)
    {
        var workspace = settings.WorkspaceFor(run.RunId);
        if (repositories.CloneUrlFor(run.Repository) is not { } cloneUrl)
            return new CheckoutOutcome(workspace, null, [$"{run.Repository} is no longer in {RepositorySettings.SettingName}"]);
        try
        {
            await runner.CheckoutAsync(cloneUrl, run.CommitSha, workspace, cancellationToken);
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
