namespace Serverless.Runtime.Hosting.Timers;

/// <summary>
/// Maps a cron schedule's wall-clock occurrences in a time zone to UTC instants. A wall time skipped by a
/// daylight-saving jump fires just after the jump (as Azure Functions does); a wall time that happens twice fires
/// twice for interval schedules and once (the first) for point-in-time ones.
/// </summary>
internal static class ZonedOccurrences
{
    // Larger than any UTC offset change a time zone makes at once, so ordering by wall clock is off by less than this.
    private static readonly TimeSpan MaxShift = TimeSpan.FromHours(3);

    public static DateTime NextUtc(CronOccurrences cron, TimeZoneInfo zone, DateTime afterUtc, bool isInterval)
    {
        if (zone == TimeZoneInfo.Utc || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime))
            return DateTime.SpecifyKind(cron.Next(DateTime.SpecifyKind(afterUtc, DateTimeKind.Unspecified)), DateTimeKind.Utc);

        // Near an offset change a later wall time can be an earlier instant, so look at wall times from before the
        // change until past it; away from one, wall-clock order is time order and the first match is the answer.
        var afterWall = TimeZoneInfo.ConvertTimeFromUtc(afterUtc, zone);
        DateTime? best = null;
        var bestWall = DateTime.MaxValue;
        var wall = cron.Next(IsSteady(zone, afterUtc) ? afterWall : afterWall - MaxShift);
        while (wall != DateTime.MaxValue)
        {
            foreach (var instant in ToUtc(wall, zone, isInterval))
                if (instant > afterUtc && (best is null || instant < best))
                {
                    best = instant;
                    bestWall = wall;
                }
            if (best is { } found && (IsSteady(zone, found) || wall > bestWall + MaxShift)) break;
            wall = cron.Next(wall);
        }
        return best ?? DateTime.MaxValue;
    }

    private static bool IsSteady(TimeZoneInfo zone, DateTime utc) =>
        zone.GetUtcOffset(utc - MaxShift) == zone.GetUtcOffset(utc + MaxShift);

    private static IEnumerable<DateTime> ToUtc(DateTime wall, TimeZoneInfo zone, bool isInterval)
    {
        if (zone.IsInvalidTime(wall))
        {
            yield return DateTime.SpecifyKind(wall - zone.GetUtcOffset(wall - MaxShift), DateTimeKind.Utc);
            yield break;
        }
        if (zone.IsAmbiguousTime(wall))
        {
            var instants = zone.GetAmbiguousTimeOffsets(wall).Select(offset => DateTime.SpecifyKind(wall - offset, DateTimeKind.Utc)).Order().ToList();
            foreach (var instant in isInterval ? instants : instants.Take(1)) yield return instant;
            yield break;
        }
        yield return DateTime.SpecifyKind(wall - zone.GetUtcOffset(wall), DateTimeKind.Utc);
    }
}
