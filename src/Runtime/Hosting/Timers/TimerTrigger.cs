namespace Serverless.Runtime.Hosting.Timers;

/// <summary>A timer function with its schedule resolved and parsed: what the engine runs.</summary>
public sealed class TimerTrigger
{
    internal TimerTrigger(TimerTriggerRegistration registration, TimerSchedule schedule, bool disabled = false)
    {
        Registration = registration;
        Schedule = schedule;
        Disabled = disabled;
        UseMonitor = registration.UseMonitor && !schedule.IsSubMinute;
        Spec = new TimerSpec(registration.FunctionName, schedule.Expression, schedule.TimeZone.Id, UseMonitor);
    }

    public TimerTriggerRegistration Registration { get; }
    public string FunctionName => Registration.FunctionName;
    public TimerSchedule Schedule { get; }

    /// <summary>Switched off by <see cref="DisabledFunctions.SettingName"/>: its schedule is known but it does not fire.</summary>
    public bool Disabled { get; }

    /// <summary>Catch up after downtime: as registered, but always off for schedules firing more than once a minute.</summary>
    public bool UseMonitor { get; }

    public bool RunOnStartup => Registration.RunOnStartup;
    public string InstanceId => TimerTriggerDefaults.InstanceIdFor(FunctionName);
    internal TimerSpec Spec { get; }
}
