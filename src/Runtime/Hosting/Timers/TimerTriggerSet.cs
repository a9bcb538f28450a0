using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>The timer functions of a host, validated together: every bad schedule is reported at once.</summary>
public sealed class TimerTriggerSet
{
    private readonly Dictionary<string, TimerTrigger> _byName;

    private TimerTriggerSet(IReadOnlyList<TimerTrigger> triggers)
    {
        Triggers = triggers;
        _byName = triggers.ToDictionary(t => t.FunctionName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every timer function, the disabled ones included.</summary>
    public IReadOnlyList<TimerTrigger> Triggers { get; }

    public IEnumerable<TimerTrigger> Enabled => Triggers.Where(t => !t.Disabled);

    public TimerTrigger? Find(string functionName) => _byName.GetValueOrDefault(functionName);

    /// <summary>
    /// Resolves <c>%Setting%</c> placeholders from <paramref name="configuration"/>, reads the WEBSITE_TIME_ZONE time
    /// zone (UTC when unset), parses each schedule, and reads which functions are disabled. Throws <see cref="TimerScheduleException"/> naming every
    /// function whose schedule cannot be used, and the expression or setting at fault.
    /// </summary>
    public static TimerTriggerSet Create(IEnumerable<TimerTriggerRegistration> registrations, IConfiguration? configuration = null)
    {
        var errors = new List<string>();
        var triggers = new List<TimerTrigger>();
        var timeZone = ScheduleSettings.TimeZone(configuration, out var timeZoneError);
        if (timeZoneError is not null) errors.Add(timeZoneError);
        foreach (var registration in registrations)
        {
            if (Validate(registration) is { } invalid)
            {
                errors.Add(invalid);
                continue;
            }
            var resolved = ScheduleSettings.Resolve(registration.Schedule, configuration, out var missing) ?? registration.DefaultSchedule;
            if (resolved is null)
            {
                errors.Add($"Timer function '{registration.FunctionName}': its schedule '{registration.Schedule}' refers to the setting '{missing}', which is not set (add it to local.settings.json 'Values' or the environment).");
                continue;
            }
            if (!TimerSchedule.TryParse(resolved, timeZone, out var schedule, out var error))
            {
                var from = resolved == registration.Schedule ? "" : $" (from '{registration.Schedule}')";
                errors.Add($"Timer function '{registration.FunctionName}': invalid schedule '{resolved}'{from}. {error}");
                continue;
            }
            if (!DisabledFunctions.TryRead(configuration, registration.FunctionName, out var disabled, out var disabledError))
            {
                errors.Add($"Timer function '{registration.FunctionName}': {disabledError}");
                continue;
            }
            triggers.Add(new TimerTrigger(registration, schedule, disabled));
        }
        foreach (var duplicate in triggers.GroupBy(t => t.FunctionName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"Timer function '{duplicate.Key}' is registered {duplicate.Count()} times.");
        if (errors.Count > 0) throw new TimerScheduleException(errors);
        return new TimerTriggerSet(triggers);
    }

    private static string? Validate(TimerTriggerRegistration registration)
    {
        if (string.IsNullOrWhiteSpace(registration.FunctionName)) return "A timer function has no name.";
        try
        {
            InstanceIds.Validate(TimerTriggerDefaults.InstanceIdFor(registration.FunctionName));
        }
        catch (ArgumentException ex)
        {
            return $"Timer function '{registration.FunctionName}': its name cannot be used in an instance id. {ex.Message}";
        }
        return string.IsNullOrWhiteSpace(registration.Schedule) ? $"Timer function '{registration.FunctionName}' has an empty schedule." : null;
    }
}
