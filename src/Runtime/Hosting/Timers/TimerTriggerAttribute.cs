namespace Serverless.Runtime.Hosting;

/// <summary>
/// Runs a function on a schedule, as the isolated worker's <c>[TimerTrigger]</c> does. The parameter it marks receives
/// a <see cref="TimerInfo"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class TimerTriggerAttribute(string schedule) : Attribute
{
    /// <summary>
    /// A six-field NCRONTAB expression <c>{second} {minute} {hour} {day} {month} {day-of-week}</c> (e.g.
    /// <c>0 */15 * * * *</c>), a five-field one without seconds, a TimeSpan (<c>hh:mm:ss</c>, fired at that interval),
    /// or <c>%SettingName%</c> to read any of these from configuration.
    /// </summary>
    public string Schedule { get; } = schedule;

    /// <summary>
    /// The schedule to use when a <c>%Setting%</c> that <see cref="Schedule"/> names is not set, so an app can ship a
    /// default that operators override; without it a missing setting stops the host from starting.
    /// </summary>
    public string? DefaultSchedule { get; set; }

    /// <summary>
    /// When true (the default), an occurrence missed while no host was running fires once, with
    /// <see cref="TimerInfo.IsPastDue"/> set, when a host starts again. Schedules that fire more than once a minute
    /// never catch up, as in Azure Functions.
    /// </summary>
    public bool UseMonitor { get; set; } = true;

    /// <summary>Also fire once when the host starts, then keep to the schedule.</summary>
    public bool RunOnStartup { get; set; }
}
