using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting.Timers;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Hosting.CustomHandler;

/// <summary>
/// Takes the place of <see cref="TimerTriggerStarter"/> behind the Functions host, which schedules timer functions
/// itself: starts no durable timers, and terminates the ones an earlier run of the app left in the store, so that no
/// timer function fires twice. Only store operations, so it may run before the engine starts.
/// </summary>
internal sealed class DurableTimerRetirement(DurableTaskClient client, ILoggerFactory loggerFactory) : IHostedService
{
    private const string Reason = "Timer functions are scheduled by the Azure Functions host (custom-handler mode).";
    private readonly ILogger _logger = loggerFactory.CreateLogger(Logs.Category);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.CustomHandlerMode();
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = TimerTriggerDefaults.InstanceIdPrefix,
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.ContinuedAsNew, OrchestrationRuntimeStatus.Suspended],
        };
        await foreach (var instance in client.GetAllInstancesAsync(query, cancellationToken))
        {
            if (!string.Equals(instance.Name, TimerTriggerDefaults.OrchestratorName, StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                await client.TerminateInstanceAsync(instance.InstanceId, Reason, cancellationToken);
                _logger.DurableTimerRetired(instance.InstanceId[TimerTriggerDefaults.InstanceIdPrefix.Length..], instance.InstanceId);
            }
            catch (Exception ex) when (ex is InstanceFinishedException or InstanceNotFoundException)
            {
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
