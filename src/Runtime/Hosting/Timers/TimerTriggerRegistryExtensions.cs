using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Timers;

public static class TimerTriggerRegistryExtensions
{
    /// <summary>Registers the orchestrator and activity that run <paramref name="timers"/> on the engine.</summary>
    public static DurableTaskRegistry AddTimerTriggers(this DurableTaskRegistry registry, TimerTriggerSet timers) => registry
        .AddOrchestrator(TimerTriggerDefaults.OrchestratorName, _ => new TimerScheduleOrchestrator())
        .AddActivity(TimerTriggerDefaults.ActivityName, services => new TimerInvokeActivity(timers, services));
}
