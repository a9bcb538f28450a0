using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>
/// Makes sure each timer function's orchestration is running when a host starts: creates the missing ones, restarts
/// finished ones, tells running ones about a changed schedule or a RunOnStartup request, and terminates the ones whose
/// function is gone or disabled. Only store operations: it may run before or after the engine starts. Safe when several hosts
/// start at once.
/// </summary>
public sealed class TimerTriggerStarter(DurableTaskClient client, TimerTriggerSet timers, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null) : IHostedService
{
    private const int MaxAttempts = 5;
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(TimerScheduleOrchestrator.LogCategory);

    public Task StartAsync(CancellationToken cancellationToken) => EnsureTimersRunningAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task EnsureTimersRunningAsync(CancellationToken cancellationToken = default)
    {
        var startedAt = _timeProvider.GetUtcNow().UtcDateTime;
        foreach (var trigger in timers.Enabled)
            await EnsureRunningAsync(trigger, startedAt, cancellationToken);
        await TerminateOrphansAsync(cancellationToken);
    }

    private async Task EnsureRunningAsync(TimerTrigger trigger, DateTime startedAt, CancellationToken cancellationToken)
    {
        var startupRequest = trigger.RunOnStartup ? startedAt : (DateTime?)null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var instance = await client.GetInstanceAsync(trigger.InstanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance is not null && !string.Equals(instance.Name, TimerTriggerDefaults.OrchestratorName, StringComparison.OrdinalIgnoreCase))
            {
                _logger.InstanceIdTaken(trigger.FunctionName, trigger.InstanceId, instance.Name);
                return;
            }
            var stored = ReadState(instance);
            if (instance is null || instance.IsCompleted)
            {
                if (await TryCreateAsync(trigger, stored, startupRequest, cancellationToken)) return;
                continue;
            }
            if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
            {
                _logger.TimerSuspended(trigger.FunctionName, trigger.InstanceId);
                return;
            }
            var changedSpec = stored?.Spec == trigger.Spec ? null : trigger.Spec;
            if (changedSpec is null && startupRequest is null) return;
            try
            {
                await client.RaiseEventAsync(trigger.InstanceId, TimerTriggerDefaults.ControlEventName, new TimerControl(changedSpec, startupRequest), cancellationToken);
                if (changedSpec is not null) _logger.ScheduleChangeSent(trigger.FunctionName, stored?.Spec.Expression, trigger.Schedule.Expression);
                return;
            }
            catch (Exception ex) when (ex is InstanceFinishedException or InstanceNotFoundException)
            {
                // It finished (or was purged) between the read and the event: look again and start it afresh.
            }
        }
        throw new InvalidOperationException($"Could not start the timer for function '{trigger.FunctionName}': instance '{trigger.InstanceId}' kept changing state.");
    }

    private async Task<bool> TryCreateAsync(TimerTrigger trigger, TimerState? previous, DateTime? startupRequest, CancellationToken cancellationToken)
    {
        var state = new TimerState(trigger.Spec) { Last = previous?.Last, LastUpdated = previous?.LastUpdated, StartupRequestedAt = startupRequest };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(TimerTriggerDefaults.OrchestratorName, state, new StartOrchestrationOptions(trigger.InstanceId), cancellationToken);
            _logger.TimerCreated(trigger.FunctionName, trigger.InstanceId, trigger.Schedule.ToString(), trigger.Schedule.TimeZone.Id);
            return true;
        }
        catch (InstanceAlreadyExistsException)
        {
            return false;
        }
    }

    private async Task TerminateOrphansAsync(CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = TimerTriggerDefaults.InstanceIdPrefix,
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.ContinuedAsNew, OrchestrationRuntimeStatus.Suspended],
        };
        await foreach (var instance in client.GetAllInstancesAsync(query, cancellationToken))
        {
            if (!string.Equals(instance.Name, TimerTriggerDefaults.OrchestratorName, StringComparison.OrdinalIgnoreCase)) continue;
            var functionName = instance.InstanceId[TimerTriggerDefaults.InstanceIdPrefix.Length..];
            var trigger = timers.Find(functionName);
            if (trigger is { Disabled: false }) continue;
            var reason = trigger is null
                ? $"Timer function '{functionName}' is no longer in the app."
                : $"Timer function '{functionName}' is disabled by the setting {DisabledFunctions.SettingName(functionName)}.";
            try
            {
                await client.TerminateInstanceAsync(instance.InstanceId, reason, cancellationToken);
                _logger.TimerTerminated(instance.InstanceId, reason);
            }
            catch (Exception ex) when (ex is InstanceFinishedException or InstanceNotFoundException)
            {
            }
        }
    }

    private static TimerState? ReadState(OrchestrationMetadata? instance)
    {
        try
        {
            return instance?.ReadInputAs<TimerState>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
