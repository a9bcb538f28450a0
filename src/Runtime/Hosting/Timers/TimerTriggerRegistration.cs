namespace Serverless.Runtime.Hosting.Timers;

/// <summary>
/// A timer function as the host hands it over: its name, its schedule as written (may hold <c>%Setting%</c>
/// placeholders), and how to invoke it.
/// </summary>
public sealed record TimerTriggerRegistration(
    string FunctionName,
    string Schedule,
    bool RunOnStartup,
    bool UseMonitor,
    Func<TimerInfo, IServiceProvider?, CancellationToken, Task> Invoke)
{
    /// <summary>Used when a <c>%Setting%</c> in <see cref="Schedule"/> is not set.</summary>
    public string? DefaultSchedule { get; init; }

    public static TimerTriggerRegistration FromAttribute(string functionName, TimerTriggerAttribute attribute, Func<TimerInfo, IServiceProvider?, CancellationToken, Task> invoke) =>
        new(functionName, attribute.Schedule, attribute.RunOnStartup, attribute.UseMonitor, invoke)
        {
            DefaultSchedule = attribute.DefaultSchedule,
        };
}
