using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.Timers;

namespace Serverless.Runtime.Tests.Hosting.Timers;

public sealed class TimerTriggerSetTests
{
    private static TimerTriggerRegistration Timer(string name, string schedule, bool useMonitor = true) =>
        new(name, schedule, RunOnStartup: false, useMonitor, (_, _, _) => Task.CompletedTask);

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Settings_placeholders_are_resolved_from_configuration()
    {
        var set = TimerTriggerSet.Create([Timer("Cleanup", "%CleanupSchedule%"), Timer("Report", "0 %ReportMinute% * * * *")],
            Settings(("CleanupSchedule", "0 0 2 * * *"), ("ReportMinute", "45")));

        Assert.Equal("0 0 2 * * *", set.Find("cleanup")!.Schedule.Expression);
        Assert.Equal("0 45 * * * *", set.Find("Report")!.Schedule.Expression);
    }

    [Fact]
    public void A_default_schedule_stands_in_for_a_missing_setting_and_the_setting_wins_when_set()
    {
        var timer = Timer("Health", "%HealthSchedule%") with { DefaultSchedule = "0 */15 * * * *" };

        Assert.Equal("0 */15 * * * *", TimerTriggerSet.Create([timer], Settings()).Find("Health")!.Schedule.Expression);
        Assert.Equal("0 */5 * * * *", TimerTriggerSet.Create([timer], Settings(("HealthSchedule", "0 */5 * * * *"))).Find("Health")!.Schedule.Expression);
    }

    [Fact]
    public void A_missing_setting_is_named_with_its_function()
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerTriggerSet.Create([Timer("Cleanup", "%CleanupSchedule%")], Settings()));

        var message = Assert.Single(error.Errors);
        Assert.Contains("'Cleanup'", message);
        Assert.Contains("'CleanupSchedule'", message);
        Assert.Contains("not set", message);
    }

    [Fact]
    public void Every_bad_schedule_is_reported_at_once_naming_the_function_and_the_expression()
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerTriggerSet.Create(
            [Timer("Good", "0 */5 * * * *"), Timer("Typo", "0 */5 * * *  * *"), Timer("FromSetting", "%Bad%"), Timer("Words", "every day")],
            Settings(("Bad", "0 99 * * * *"))));

        Assert.Equal(3, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("'Typo'") && e.Contains("'0 */5 * * *  * *'"));
        Assert.Contains(error.Errors, e => e.Contains("'FromSetting'") && e.Contains("'0 99 * * * *'") && e.Contains("'%Bad%'"));
        Assert.Contains(error.Errors, e => e.Contains("'Words'") && e.Contains("'every day'"));
        Assert.Contains("Typo", error.Message);
    }

    [Fact]
    public void Duplicate_function_names_are_refused()
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerTriggerSet.Create([Timer("Same", "0 0 * * * *"), Timer("same", "0 0 * * * *")]));

        Assert.Contains("registered 2 times", Assert.Single(error.Errors));
    }

    [Fact]
    public void The_time_zone_comes_from_WEBSITE_TIME_ZONE_and_defaults_to_UTC()
    {
        var utc = TimerTriggerSet.Create([Timer("Nightly", "0 0 2 * * *")]);
        var london = TimerTriggerSet.Create([Timer("Nightly", "0 0 2 * * *")], Settings(("WEBSITE_TIME_ZONE", "Europe/London")));

        Assert.Equal(TimeZoneInfo.Utc, utc.Triggers[0].Schedule.TimeZone);
        Assert.Equal("Europe/London", london.Triggers[0].Schedule.TimeZone.Id);
        Assert.Equal(new DateTime(2026, 7, 1, 1, 0, 0, DateTimeKind.Utc), london.Triggers[0].Schedule.GetNextOccurrence(new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void An_unknown_time_zone_is_named()
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerTriggerSet.Create([Timer("Nightly", "0 0 2 * * *")], Settings(("WEBSITE_TIME_ZONE", "Mars/Olympus_Mons"))));

        Assert.Contains("WEBSITE_TIME_ZONE", error.Message);
        Assert.Contains("Mars/Olympus_Mons", error.Message);
    }

    [Fact]
    public void Schedules_firing_more_than_once_a_minute_never_catch_up()
    {
        var set = TimerTriggerSet.Create([Timer("Fast", "*/2 * * * * *"), Timer("Slow", "0 * * * * *"), Timer("Off", "0 0 * * * *", useMonitor: false)]);

        Assert.False(set.Find("Fast")!.UseMonitor);
        Assert.True(set.Find("Slow")!.UseMonitor);
        Assert.False(set.Find("Off")!.UseMonitor);
    }

    [Fact]
    public void A_registration_can_be_made_from_the_attribute()
    {
        var attribute = new TimerTriggerAttribute("0 */15 * * * *") { RunOnStartup = true };
        var registration = TimerTriggerRegistration.FromAttribute("Quarterly", attribute, (_, _, _) => Task.CompletedTask);

        Assert.Equal(("Quarterly", "0 */15 * * * *", true, true), (registration.FunctionName, registration.Schedule, registration.RunOnStartup, registration.UseMonitor));
        Assert.True(new TimerTriggerAttribute("x").UseMonitor);
    }

    [Fact]
    public void Function_names_that_cannot_be_instance_ids_are_refused()
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerTriggerSet.Create([Timer("a/b", "0 0 * * * *")]));

        Assert.Contains("'a/b'", Assert.Single(error.Errors));
    }

    [Theory]
    [InlineData("AzureWebJobs.Report.Disabled", "true", true)]
    [InlineData("AzureWebJobs.Report.Disabled", "True", true)]
    [InlineData("AzureWebJobs:Report:Disabled", "1", true)]
    [InlineData("azurewebjobs.report.disabled", "true", true)]
    [InlineData("AzureWebJobs.Report.Disabled", "false", false)]
    [InlineData("AzureWebJobs.Report.Disabled", "0", false)]
    [InlineData("AzureWebJobs.Other.Disabled", "true", false)]
    public void A_timer_is_disabled_by_its_AzureWebJobs_setting_and_keeps_its_schedule(string setting, string value, bool disabled)
    {
        var set = TimerTriggerSet.Create([Timer("Report", "0 0 * * * *")], Settings((setting, value)));

        Assert.Equal((disabled, "0 0 * * * *"), (set.Find("Report")!.Disabled, set.Find("Report")!.Schedule.Expression));
        Assert.Equal(disabled ? [] : ["Report"], set.Enabled.Select(t => t.FunctionName));
    }

    [Fact]
    public void A_disabled_setting_that_is_not_a_boolean_is_named()
    {
        var error = Assert.Throws<TimerScheduleException>(() => TimerTriggerSet.Create([Timer("Report", "0 0 * * * *")], Settings(("AzureWebJobs.Report.Disabled", "yes"))));

        Assert.Equal("Timer function 'Report': AzureWebJobs.Report.Disabled: 'yes' is not true, false, 1 or 0.", Assert.Single(error.Errors));
    }
}
