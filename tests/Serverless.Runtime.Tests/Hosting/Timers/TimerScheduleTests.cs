using Serverless.Runtime.Hosting.Timers;
using static Serverless.Runtime.Tests.Hosting.Timers.TimerHarness;

namespace Serverless.Runtime.Tests.Hosting.Timers;

public sealed class TimerScheduleTests
{
    public static TheoryData<string, DateTime, DateTime[]> Occurrences => new()
    {
        { "0 */15 * * * *", Utc(2026, 1, 1, 0, 0), [Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 0, 30), Utc(2026, 1, 1, 0, 45), Utc(2026, 1, 1, 1, 0)] },
        { "0 0 2 * * *", Utc(2026, 1, 1, 2, 0), [Utc(2026, 1, 2, 2, 0), Utc(2026, 1, 3, 2, 0)] },
        { "*/15 * * * *", Utc(2026, 1, 1, 0, 0), [Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 0, 30)] },
        { "0 30 9 * * 1-5", Utc(2026, 1, 2, 10, 0), [Utc(2026, 1, 5, 9, 30), Utc(2026, 1, 6, 9, 30)] },
        { "*/2 * * * * *", Utc(2026, 1, 1, 0, 0, 1), [Utc(2026, 1, 1, 0, 0, 2), Utc(2026, 1, 1, 0, 0, 4)] },
        { "00:05:00", Utc(2026, 1, 1, 0, 1), [Utc(2026, 1, 1, 0, 6), Utc(2026, 1, 1, 0, 11)] },
        { "1.00:00:00", Utc(2026, 1, 1, 0, 1), [Utc(2026, 1, 2, 0, 1)] },
    };

    [Theory]
    [MemberData(nameof(Occurrences))]
    public void Next_occurrences_are_strictly_after_the_given_time_in_UTC(string expression, DateTime after, DateTime[] expected)
    {
        var occurrences = TimerSchedule.Parse(expression).GetNextOccurrences(after, expected.Length);

        Assert.Equal(expected, occurrences);
        Assert.All(occurrences, o => Assert.Equal(DateTimeKind.Utc, o.Kind));
    }

    [Theory]
    [InlineData("0 */15 * * * *", false)]
    [InlineData("*/15 * * * *", false)]
    [InlineData("*/2 * * * * *", true)]
    [InlineData("* * * * * *", true)]
    [InlineData("0,30 * * * * *", true)]
    [InlineData("00:00:30", true)]
    [InlineData("00:01:00", false)]
    public void Schedules_firing_more_than_once_a_minute_are_sub_minute(string expression, bool subMinute) =>
        Assert.Equal(subMinute, TimerSchedule.Parse(expression).IsSubMinute);

    [Theory]
    [InlineData("0 */15 * * * *", "Cron: '0 */15 * * * *'")]
    [InlineData("  0  0 2 * * *", "Cron: '0 0 2 * * *'")]
    [InlineData("00:05:00", "Constant: 00:05:00")]
    public void A_schedule_is_logged_as_written(string expression, string logged) =>
        Assert.Equal(logged, TimerSchedule.Parse(expression).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("0 0 * *")]
    [InlineData("0 0 0 0 * * * *")]
    [InlineData("0 61 * * * *")]
    [InlineData("every 5 minutes")]
    [InlineData("-00:05:00")]
    [InlineData("0 0 0 30 Feb *")]
    public void Expressions_that_are_not_schedules_are_refused_with_the_expression_in_the_message(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));
        Assert.Contains($"'{expression}'", error.Message.Replace("The schedule expression is empty.", "''"));
    }

    [Fact]
    public void A_cron_schedule_follows_the_wall_clock_of_its_time_zone_across_daylight_saving_changes()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var daily = TimerSchedule.Parse("0 30 2 * * *", newYork);

        // 2026-03-08 02:30 does not exist in New York (clocks jump 02:00 -> 03:00): it fires at 03:30 EDT (07:30Z).
        Assert.Equal(
            [Utc(2026, 3, 7, 7, 30), Utc(2026, 3, 8, 7, 30), Utc(2026, 3, 9, 6, 30)],
            daily.GetNextOccurrences(Utc(2026, 3, 7, 0, 0), 3));
    }

    [Fact]
    public void An_interval_schedule_runs_straight_through_the_skipped_hour_without_doubling_up()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var halfHourly = TimerSchedule.Parse("0 0,30 * * * *", newYork);

        // 01:30 EST, then 02:00 and 02:30 (which do not exist) at 03:00 and 03:30 EDT, which are also occurrences.
        Assert.Equal(
            [Utc(2026, 3, 8, 6, 30), Utc(2026, 3, 8, 7, 0), Utc(2026, 3, 8, 7, 30), Utc(2026, 3, 8, 8, 0)],
            halfHourly.GetNextOccurrences(Utc(2026, 3, 8, 6, 0), 4));
    }

    [Fact]
    public void A_per_second_schedule_in_a_time_zone_steps_one_second_at_a_time()
    {
        var everySecond = TimerSchedule.Parse("* * * * * *", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var occurrences = everySecond.GetNextOccurrences(Utc(2026, 3, 29, 0, 59, 0), 120);

        Assert.Equal(Enumerable.Range(1, 120).Select(i => Utc(2026, 3, 29, 0, 59, 0).AddSeconds(i)), occurrences);
    }

    [Fact]
    public void In_a_repeated_hour_a_point_in_time_schedule_fires_once_and_an_interval_schedule_keeps_going()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 2026-11-01: 01:00-01:59 happens twice in New York, first EDT (05:00Z-05:59Z) then EST (06:00Z-06:59Z).
        var pointInTime = TimerSchedule.Parse("0 30 1 * * *", newYork);
        var halfHourly = TimerSchedule.Parse("0 0,30 * * * *", newYork);

        Assert.Equal([Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 2, 6, 30)], pointInTime.GetNextOccurrences(Utc(2026, 11, 1, 0, 0), 2));
        Assert.Equal(
            [Utc(2026, 11, 1, 5, 0), Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 1, 6, 0), Utc(2026, 11, 1, 6, 30), Utc(2026, 11, 1, 7, 0)],
            halfHourly.GetNextOccurrences(Utc(2026, 11, 1, 4, 45), 5));
    }

    [Fact]
    public void Local_times_are_read_as_UTC_instants()
    {
        var schedule = TimerSchedule.Parse("0 0 * * * *");
        var unspecified = DateTime.SpecifyKind(Utc(2026, 1, 1, 0, 10), DateTimeKind.Unspecified);

        Assert.Equal(Utc(2026, 1, 1, 1, 0), schedule.GetNextOccurrence(unspecified));
    }
}
