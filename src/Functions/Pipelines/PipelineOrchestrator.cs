using Serverless.Functions.Operations.Security;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Functions.Pipelines.Deployments;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines;

/// <summary>
/// One run of a repository's pipeline: checkout → checks and scans in parallel → service builds in parallel →
/// route by branch → approval gate → one deployment at a time per environment → deploy, health, smoke tests → notify.
/// A failure after something went live rolls it back, and the run ends Failed with the reason.
/// </summary>
public sealed class PipelineOrchestrator
{
    [Function(nameof(PipelineOrchestrator))]
    public async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        // The instance id, not the input's, names the run's logs and workspace: a restart under a new id is a new run.
        var run = context.GetInput<PipelineRun>()! with { RunId = context.InstanceId };
        var steps = new PipelineSteps(context, run);
        try
        {
            var (workspace, pipeline) = await steps.CheckoutAsync();
            await Task.WhenAll(steps.ChecksAsync(workspace, pipeline), steps.ScansAsync(workspace, pipeline));
            var releases = await steps.BuildAsync(workspace, pipeline);

            var environment = run.Trigger == RunTrigger.Push ? pipeline.EnvironmentForBranch(run.Branch) : null;
            if (environment is null)
                return await steps.FinishAsync(run.Trigger == RunTrigger.PullRequest ? "Validated" : "Built");

            steps.Route(environment);
            await steps.ApproveAsync(environment);
            if (await context.CallActivityAsync<string?>(nameof(SecurityScanActivities.CheckDeploymentFreeze), run.Repository) is { } frozen)
                throw new PipelineFailedException(frozen);
            var slot = await DeploymentSlot.AcquireAsync(context, run, environment.Name);
            if (slot is null) return await steps.FinishAsync("Superseded");
            try
            {
                await steps.DeployAsync(environment, pipeline, releases, workspace);
            }
            finally
            {
                slot.Release();
            }
            return await steps.FinishAsync("Succeeded");
        }
        catch (PipelineFailedException failure)
        {
            await steps.FailAsync(failure.Message);
            throw;
        }
        catch (TaskFailedException crash)
        {
            var reason = $"{crash.TaskName} failed: {crash.FailureDetails.ErrorMessage}";
            await steps.FailAsync(reason);
            throw new PipelineFailedException(reason);
        }
        finally
        {
            await context.CallActivityAsync(nameof(CheckoutActivities.CleanupWorkspace), run.RunId);
        }
    }
}
