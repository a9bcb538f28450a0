using System.Globalization;

namespace Serverless.Core.Integrations.Slack;

/// <summary>Durations as people read them: <c>45s</c>, <c>3m 12s</c>, <c>1h 5m</c>, <c>2d 3h</c>.</summary>
public static class DurationText
{
    public static string Humanize(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        if (duration < TimeSpan.FromSeconds(1)) return "under 1s";
        if (duration < TimeSpan.FromMinutes(1)) return Format("{0}s", duration.Seconds);
        if (duration < TimeSpan.FromHours(1)) return Pair(duration.Minutes, "m", duration.Seconds, "s");
        if (duration < TimeSpan.FromDays(1)) return Pair(duration.Hours, "h", duration.Minutes, "m");
        return Pair((int)duration.TotalDays, "d", duration.Hours, "h");
    }

    private static string Pair(int major, string majorUnit, int minor, string minorUnit) =>
        minor == 0 ? Format("{0}" + majorUnit, major) : Format("{0}" + majorUnit + " {1}" + minorUnit, major, minor);

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
