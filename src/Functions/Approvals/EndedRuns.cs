using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Approvals;

/// <summary>
/// Whether the run behind a gate has ended. Terminating a run does not terminate its gate (sub-orchestrations outlive
/// their parent in Durable Functions), so the gate and the approvals API ask.
/// </summary>
public sealed class EndedRuns(DurableTaskClient client)
{
    /// <returns>How the gate's run ended, or null while it runs.</returns>
    [Function(nameof(RunEnded))]
    public Task<string?> RunEnded([ActivityTrigger] string runId, CancellationToken cancellationToken) =>
        ReasonAsync(client, runId, cancellationToken);

    /// <returns>How the run ended ("Terminated", "purged", …), or null while it still runs.</returns>
    public static async Task<string?> ReasonAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken = default) =>
        await client.GetInstanceAsync(runId, cancellationToken: cancellationToken) switch
        {
            null => "purged",
            { IsCompleted: true } run => run.RuntimeStatus.ToString(),
            _ => null,
        };
}
