using Serverless.Core.Integrations.Local.Target;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Environments;

/// <param name="RequestedBy">Who asked, as the principal header named them.</param>
public sealed record ManualRollbackInput(string Environment, string Service, string RequestedBy, string? Reason);

/// <summary>An admin's rollback of one service: the same undo a failed deployment runs, kept in history with who and why.</summary>
public sealed class ManualRollbackOrchestrator
{
    [Function(nameof(ManualRollbackOrchestrator))]
    public async Task<RollbackResult> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ManualRollbackInput>()!;
        context.SetCustomStatus($"Rolling back {input.Service} in {input.Environment} for {input.RequestedBy}");
        var result = await context.CallActivityAsync<RollbackResult>(nameof(DeliveryActivities.RollbackService), new RollbackInput(input.Environment, input.Service));
        context.SetCustomStatus(result.Message);
        try
        {
            await context.CallActivityAsync<bool>(nameof(ManualRollbackActivities.AnnounceManualRollback), new ManualRollbackAnnouncement(input, result));
        }
        catch (TaskFailedException)
        {
            // The rollback is done; an announcement that could not be made does not undo it.
        }
        return result;
    }
}
