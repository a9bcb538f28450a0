using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>
/// A timer trigger's schedule as Azure Functions reads it: an NCRONTAB expression with six fields
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>) or five (no seconds), else a TimeSpan
/// (<c>hh:mm:ss</c>) meaning "every interval". Cron occurrences are wall-clock times in <see cref="TimeZone"/>
/// (UTC unless WEBSITE_TIME_ZONE says otherwise); all times going in and out are UTC.
/// </summary>
public sealed class TimerSchedule
{
    private static readonly DateTime NeverCheckStart = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime NeverCheckEnd = new(2400, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly CronOccurrences? _cron;
    private readonly TimeSpan _interval;
    private readonly bool _isIntervalCron;

    private TimerSchedule(string expression, CronOccurrences? cron, TimeSpan interval, TimeZoneInfo timeZone)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
        TimeZone = timeZone;
        _isIntervalCron = cron is not null && IsIntervalCron(cron);
        IsSubMinute = cron is null ? interval < TimeSpan.FromMinutes(1) : cron.SecondsPerMinute > 1;
    }

    public string Expression { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>True for the TimeSpan form.</summary>
    public bool IsConstantInterval => _cron is null;

    /// <summary>Fires more than once a minute; Azure Functions turns schedule monitoring (catch-up) off for these.</summary>
    public bool IsSubMinute { get; }

    /// <summary>Parses <paramref name="expression"/>; <see cref="FormatException"/> saying why it is not a schedule.</summary>
    public static TimerSchedule Parse(string expression, TimeZoneInfo? timeZone = null) =>
        TryParse(expression, timeZone, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string expression, TimeZoneInfo? timeZone, [NotNullWhen(true)] out TimerSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        timeZone ??= TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "The schedule expression is empty.";
            return false;
        }
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (CronOccurrences.TryParse(expression) is { } cron)
        {
            if (cron.Next(NeverCheckStart, NeverCheckEnd) == NeverCheckEnd)
            {
                error = $"The schedule '{expression}' never occurs.";
                return false;
            }
            schedule = new TimerSchedule(expression, cron, TimeSpan.Zero, timeZone);
            error = null;
            return true;
        }
        if (!expression.Contains(' ') && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval))
        {
            if (interval <= TimeSpan.Zero)
            {
                error = $"The schedule interval '{expression}' must be positive.";
                return false;
            }
            schedule = new TimerSchedule(expression, null, interval, timeZone);
            error = null;
            return true;
        }
        error = fields.Length is 5 or 6
            ? $"The schedule '{expression}' is not a valid NCRONTAB expression ({fields.Length} fields: {(fields.Length == 6 ? "{second} " : "")}{{minute}} {{hour}} {{day}} {{month}} {{day-of-week}})."
            : $"The schedule '{expression}' is neither an NCRONTAB expression (six fields '{{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}', or five without seconds; it has {fields.Length}) nor a TimeSpan such as '00:05:00'.";
        return false;
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, in UTC.</summary>
    public DateTime GetNextOccurrence(DateTime afterUtc)
    {
        var after = AsUtc(afterUtc);
        if (_cron is null) return after + _interval;
        return ZonedOccurrences.NextUtc(_cron, TimeZone, after, _isIntervalCron);
    }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="afterUtc"/>, in UTC.</summary>
    public IReadOnlyList<DateTime> GetNextOccurrences(DateTime afterUtc, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var occurrences = new List<DateTime>(count);
        var after = afterUtc;
        for (var i = 0; i < count; i++)
        {
            after = GetNextOccurrence(after);
            occurrences.Add(after);
        }
        return occurrences;
    }

    public override string ToString() => _cron is null
        ? string.Create(CultureInfo.InvariantCulture, $"Constant: {_interval}")
        : string.Create(CultureInfo.InvariantCulture, $"Cron: '{string.Join(' ', Expression.Split(' ', StringSplitOptions.RemoveEmptyEntries))}'");

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    // As Azure Functions decides it: a star, range or step in the seconds, minutes or hours field makes the schedule
    // an interval, which keeps firing through a repeated (daylight-saving) hour; a point-in-time schedule fires once.
    private static bool IsIntervalCron(CronOccurrences cron)
    {
        var parts = cron.Normalized.Split(' ');
        var partsToCheck = parts.Length == 6 ? 3 : 2;
        return parts.Take(partsToCheck).Any(p => p.Contains('*') || p.Contains('/') || p.Contains('-'));
    }
}
