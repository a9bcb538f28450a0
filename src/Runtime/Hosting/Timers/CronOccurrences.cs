using NCrontab;

namespace Serverless.Runtime.Hosting.Timers;

/// <summary>
/// NCrontab's next occurrence, with the fix of NCrontab 3.3.3 (issue #90): 3.3.2 keeps the base time's seconds when
/// the occurrence falls in a later minute, so <c>* * 10 * * *</c> after 09:50:35 gives 10:00:36 instead of 10:00:00.
/// The minute it picks is right; the second must be the first the seconds field allows.
/// </summary>
internal sealed class CronOccurrences
{
    private static readonly DateTime Reference = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly CrontabSchedule _cron;
    private readonly int _firstSecond;

    private CronOccurrences(CrontabSchedule cron, int firstSecond, int secondsPerMinute)
    {
        _cron = cron;
        _firstSecond = firstSecond;
        SecondsPerMinute = secondsPerMinute;
    }

    /// <summary>How many seconds of a minute the schedule fires at (1 for five-field expressions).</summary>
    public int SecondsPerMinute { get; }

    public string Normalized => _cron.ToString();

    /// <summary>Azure Functions' rule: five fields means no seconds field, anything else must be six.</summary>
    public static CronOccurrences? TryParse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var includingSeconds = fields.Length != 5;
        var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = includingSeconds });
        if (cron is null) return null;
        if (!includingSeconds) return new CronOccurrences(cron, 0, 1);
        var seconds = CrontabSchedule.Parse($"{fields[0]} * * * * *", new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            .GetNextOccurrences(Reference.AddSeconds(-1), Reference.AddMinutes(1))
            .ToList();
        return new CronOccurrences(cron, seconds[0].Second, seconds.Count);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (a wall-clock time), or <paramref name="end"/> if none comes before it.</summary>
    public DateTime Next(DateTime after, DateTime end)
    {
        var next = _cron.GetNextOccurrence(after, end);
        if (next == end) return end;
        var minute = TruncateToMinute(next);
        return minute > TruncateToMinute(after) ? minute.AddSeconds(_firstSecond) : next;
    }

    public DateTime Next(DateTime after) => Next(after, DateTime.MaxValue);

    private static DateTime TruncateToMinute(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, time.Kind);
}
