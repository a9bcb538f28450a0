using Microsoft.Extensions.Configuration;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting.Timers;
using static Serverless.Runtime.Tests.Hosting.Timers.TimerHarness;

namespace Serverless.Runtime.Tests.Hosting.Timers;

/// <summary>Timer functions on the durable engine, driven by the test clock.</summary>
public sealed class DurableTimerTriggerTests
{
    private const string Every15Minutes = "0 */15 * * * *";

    [Fact]
    public async Task A_15_minute_schedule_fires_at_each_quarter_hour_and_never_between()
    {
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), new TestTimer("Quarterly", Every15Minutes));
        var expected = new[] { Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 0, 30), Utc(2026, 1, 1, 0, 45), Utc(2026, 1, 1, 1, 0) };
        await timers.UntilArmedAsync("Quarterly", expected[0]);

        for (var minute = Utc(2026, 1, 1, 0, 8); minute <= Utc(2026, 1, 1, 1, 7); minute = minute.AddMinutes(1))
        {
            timers.AdvanceTo(minute);
            var index = Array.IndexOf(expected, minute);
            if (index < 0) continue;
            await timers.UntilFiringsAsync(index + 1);
            await timers.UntilArmedAsync("Quarterly", minute.AddMinutes(15));
        }

        Assert.Equal(expected, timers.Firings.Select(f => f.At));
        Assert.All(timers.Firings, f => Assert.False(f.Info.IsPastDue));
        Assert.Equal(expected, timers.Firings.Select(f => f.Info.ScheduleStatus!.Next));
        Assert.Equal([default, .. expected[..^1]], timers.Firings.Select(f => f.Info.ScheduleStatus!.Last));
    }

    [Fact]
    public async Task A_daily_schedule_fires_at_two_each_morning()
    {
        await using var timers = await StartAsync(Utc(2026, 3, 1, 0, 0), new TestTimer("Nightly", "0 0 2 * * *"));
        var expected = Enumerable.Range(0, 3).Select(day => Utc(2026, 3, 1, 2, 0).AddDays(day)).ToArray();
        await timers.UntilArmedAsync("Nightly", expected[0]);

        for (var hour = Utc(2026, 3, 1, 1, 0); hour <= Utc(2026, 3, 3, 23, 0); hour = hour.AddHours(1))
        {
            timers.AdvanceTo(hour);
            var index = Array.IndexOf(expected, hour);
            if (index < 0) continue;
            await timers.UntilFiringsAsync(index + 1);
            await timers.UntilArmedAsync("Nightly", hour.AddDays(1));
        }

        Assert.Equal(expected, timers.Firings.Select(f => f.At));
    }

    [Fact]
    public async Task A_TimeSpan_schedule_fires_at_that_interval_from_the_host_start()
    {
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7, 30), new TestTimer("Every5", "00:05:00"));
        var expected = new[] { Utc(2026, 1, 1, 0, 12, 30), Utc(2026, 1, 1, 0, 17, 30), Utc(2026, 1, 1, 0, 22, 30) };
        foreach (var (due, i) in expected.Select((d, i) => (d, i)))
        {
            await timers.UntilArmedAsync("Every5", due);
            timers.AdvanceTo(due);
            await timers.UntilFiringsAsync(i + 1);
        }

        Assert.Equal(expected, timers.Firings.Select(f => f.At));
    }

    [Fact]
    public async Task A_schedule_missed_while_no_host_ran_fires_once_past_due_then_keeps_to_the_schedule()
    {
        var quarterly = new TestTimer("Quarterly", Every15Minutes);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), quarterly);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(1);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 30));

        await timers.StopHostsAsync();
        timers.AdvanceTo(Utc(2026, 1, 1, 3, 5)); // eleven occurrences pass with no host running
        await timers.StartHostAsync([quarterly]);
        await timers.UntilFiringsAsync(2);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 3, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 3, 15));
        await timers.UntilFiringsAsync(3);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 3, 30));

        var firings = timers.Firings;
        Assert.Equal([Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 3, 5), Utc(2026, 1, 1, 3, 15)], firings.Select(f => f.At));
        Assert.Equal([false, true, false], firings.Select(f => f.Info.IsPastDue));
        Assert.Equal(Utc(2026, 1, 1, 0, 30), firings[1].Info.ScheduleStatus!.Next);
        Assert.Equal(Utc(2026, 1, 1, 3, 5), firings[2].Info.ScheduleStatus!.Last);
    }

    [Fact]
    public async Task Without_the_monitor_a_missed_schedule_is_skipped_and_the_next_occurrence_fires()
    {
        var quarterly = new TestTimer("Quarterly", Every15Minutes, UseMonitor: false);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), quarterly);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 15));

        await timers.StopHostsAsync();
        timers.AdvanceTo(Utc(2026, 1, 1, 3, 5));
        await timers.StartHostAsync([quarterly]);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 3, 15));
        Assert.Empty(timers.Firings);

        timers.AdvanceTo(Utc(2026, 1, 1, 3, 15));
        await timers.UntilFiringsAsync(1);
        var firing = Assert.Single(timers.Firings);
        Assert.Equal(Utc(2026, 1, 1, 3, 15), firing.At);
        Assert.False(firing.Info.IsPastDue);
    }

    [Fact]
    public async Task RunOnStartup_fires_once_each_time_a_host_starts_then_keeps_to_the_schedule()
    {
        var quarterly = new TestTimer("Quarterly", Every15Minutes, RunOnStartup: true);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), quarterly);
        await timers.UntilFiringsAsync(1);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(2);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 30));

        timers.AdvanceTo(Utc(2026, 1, 1, 0, 20));
        await timers.RestartAsync(quarterly);
        await timers.UntilFiringsAsync(3);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 30));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 30));
        await timers.UntilFiringsAsync(4);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 45));

        Assert.Equal([Utc(2026, 1, 1, 0, 7), Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 0, 20), Utc(2026, 1, 1, 0, 30)], timers.Firings.Select(f => f.At));
        Assert.All(timers.Firings, f => Assert.False(f.Info.IsPastDue));
    }

    [Fact]
    public async Task A_host_starting_after_downtime_with_RunOnStartup_fires_once_not_twice()
    {
        var quarterly = new TestTimer("Quarterly", Every15Minutes, RunOnStartup: true);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), quarterly);
        await timers.UntilFiringsAsync(1);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 15));

        await timers.StopHostsAsync();
        timers.AdvanceTo(Utc(2026, 1, 1, 1, 5));
        await timers.StartHostAsync([quarterly]);
        await timers.UntilFiringsAsync(2);
        await AssertQuietUntilArmedAsync(timers, "Quarterly", Utc(2026, 1, 1, 1, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 1, 15));
        await timers.UntilFiringsAsync(3);

        Assert.Equal([Utc(2026, 1, 1, 0, 7), Utc(2026, 1, 1, 1, 5), Utc(2026, 1, 1, 1, 15)], timers.Firings.Select(f => f.At));
        Assert.Equal([false, true, false], timers.Firings.Select(f => f.Info.IsPastDue));
    }

    [Fact]
    public async Task A_changed_schedule_replaces_the_old_one_when_the_host_restarts()
    {
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), new TestTimer("Report", Every15Minutes));
        await timers.UntilArmedAsync("Report", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(1);
        await timers.UntilArmedAsync("Report", Utc(2026, 1, 1, 0, 30));

        timers.AdvanceTo(Utc(2026, 1, 1, 0, 20));
        await timers.RestartAsync(new TestTimer("Report", "0 0 * * * *"));
        await timers.UntilArmedAsync("Report", Utc(2026, 1, 1, 1, 0));
        for (var at = Utc(2026, 1, 1, 0, 30); at <= Utc(2026, 1, 1, 1, 0); at = at.AddMinutes(15)) timers.AdvanceTo(at);
        await timers.UntilFiringsAsync(2);
        await timers.UntilArmedAsync("Report", Utc(2026, 1, 1, 2, 0));

        Assert.Equal([Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 1, 0)], timers.Firings.Select(f => f.At));
        var instance = await timers.Client.GetInstanceAsync(TimerTriggerDefaults.InstanceIdFor("Report"), getInputsAndOutputs: true);
        Assert.Contains("0 0 * * * *", instance!.SerializedInput);
    }

    [Fact]
    public async Task A_failing_function_keeps_its_schedule()
    {
        var calls = 0;
        var flaky = new TestTimer("Flaky", Every15Minutes, Body: _ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), flaky);
        await timers.UntilArmedAsync("Flaky", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilArmedAsync("Flaky", Utc(2026, 1, 1, 0, 30));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 30));
        await timers.UntilFiringsAsync(2);

        Assert.Equal([Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 0, 30)], timers.Firings.Select(f => f.At));
        Assert.Contains(timers.Logs.Lines, line => line.Contains("Timer function Flaky failed") && line.Contains("boom"));
    }

    [Fact]
    public async Task Two_hosts_sharing_a_store_invoke_each_occurrence_once()
    {
        var quarterly = new TestTimer("Quarterly", Every15Minutes);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), quarterly);
        await timers.StartHostAsync([quarterly]);
        var expected = new[] { Utc(2026, 1, 1, 0, 15), Utc(2026, 1, 1, 0, 30), Utc(2026, 1, 1, 0, 45) };
        foreach (var (due, i) in expected.Select((d, i) => (d, i)))
        {
            await timers.UntilArmedAsync("Quarterly", due);
            timers.AdvanceTo(due);
            await timers.UntilFiringsAsync(i + 1);
        }
        await AssertQuietUntilArmedAsync(timers, "Quarterly", Utc(2026, 1, 1, 1, 0));

        Assert.Equal(expected, timers.Firings.Select(f => f.At));
    }

    [Fact]
    public async Task Timers_can_be_ensured_before_the_engine_starts()
    {
        await using var timers = Create(Utc(2026, 1, 1, 0, 7));
        await timers.StartHostAsync([new TestTimer("Early", Every15Minutes, RunOnStartup: true)], startEngineFirst: false);
        await timers.UntilFiringsAsync(1);
        await timers.UntilArmedAsync("Early", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(2);

        Assert.Equal([Utc(2026, 1, 1, 0, 7), Utc(2026, 1, 1, 0, 15)], timers.Firings.Select(f => f.At));
    }

    [Fact]
    public async Task Two_hosts_starting_together_with_RunOnStartup_share_one_start_up_run()
    {
        var early = new TestTimer("Early", Every15Minutes, RunOnStartup: true);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), early);
        await timers.StartHostAsync([early]);
        await timers.UntilFiringsAsync(1);
        await timers.UntilArmedAsync("Early", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(2);

        Assert.Equal([Utc(2026, 1, 1, 0, 7), Utc(2026, 1, 1, 0, 15)], timers.Firings.Select(f => f.At));
    }

    [Fact]
    public async Task A_timer_whose_function_was_removed_is_terminated()
    {
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), new TestTimer("Kept", Every15Minutes), new TestTimer("Removed", Every15Minutes));
        await timers.UntilArmedAsync("Removed", Utc(2026, 1, 1, 0, 15));

        await timers.RestartAsync(new TestTimer("Kept", Every15Minutes));
        var removed = await timers.Client.WaitForInstanceCompletionAsync(TimerTriggerDefaults.InstanceIdFor("Removed")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, removed.RuntimeStatus);
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(1);
        await AssertQuietUntilArmedAsync(timers, "Kept", Utc(2026, 1, 1, 0, 30));

        Assert.Equal(["Kept"], timers.Firings.Select(f => f.Function));
    }

    [Fact]
    public async Task A_terminated_timer_is_restarted_by_the_next_host_start()
    {
        var quarterly = new TestTimer("Quarterly", Every15Minutes);
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), quarterly);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 15));
        var id = TimerTriggerDefaults.InstanceIdFor("Quarterly");
        await timers.Client.TerminateInstanceAsync(id);
        await timers.Client.WaitForInstanceCompletionAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

        await timers.RestartAsync(quarterly);
        await timers.UntilArmedAsync("Quarterly", Utc(2026, 1, 1, 0, 15));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(1);
    }

    [Fact]
    public async Task A_disabled_timer_is_stopped_and_does_not_fire_until_enabled_again()
    {
        TestTimer[] declared = [new("Kept", Every15Minutes), new("Paused", Every15Minutes)];
        var disabled = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobs.Paused.Disabled", "true")]).Build();
        await using var timers = await StartAsync(Utc(2026, 1, 1, 0, 7), declared);
        await timers.UntilArmedAsync("Paused", Utc(2026, 1, 1, 0, 15));

        await timers.StopHostsAsync();
        await timers.StartHostAsync(declared, disabled);
        var paused = await timers.Client.WaitForInstanceCompletionAsync(TimerTriggerDefaults.InstanceIdFor("Paused")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, paused.RuntimeStatus);
        Assert.Contains(timers.Logs.Lines, line => line.Contains("Timer function 'Paused' is disabled by the setting AzureWebJobs.Paused.Disabled."));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 15));
        await timers.UntilFiringsAsync(1);
        await AssertQuietUntilArmedAsync(timers, "Kept", Utc(2026, 1, 1, 0, 30));
        Assert.Equal(["Kept"], timers.Firings.Select(f => f.Function));

        await timers.RestartAsync(declared);
        await timers.UntilArmedAsync("Paused", Utc(2026, 1, 1, 0, 30));
        timers.AdvanceTo(Utc(2026, 1, 1, 0, 30));
        await timers.UntilFiringsAsync(3);
        Assert.Equal(["Kept", "Kept", "Paused"], timers.Firings.Select(f => f.Function).Order());
    }

    [Fact]
    public async Task A_timer_disabled_from_the_first_start_never_gets_a_timer()
    {
        var disabled = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobs:Nightly:Disabled", "1")]).Build();
        await using var timers = Create(Utc(2026, 1, 1, 1, 59));
        await timers.StartHostAsync([new TestTimer("Nightly", "0 0 2 * * *", RunOnStartup: true), new TestTimer("Kept", Every15Minutes)], disabled);
        await timers.UntilArmedAsync("Kept", Utc(2026, 1, 1, 2, 0));

        Assert.Null(await timers.Client.GetInstanceAsync(TimerTriggerDefaults.InstanceIdFor("Nightly")));
        timers.AdvanceTo(Utc(2026, 1, 1, 2, 0));
        await timers.UntilFiringsAsync(1);
        await AssertQuietUntilArmedAsync(timers, "Kept", Utc(2026, 1, 1, 2, 15));
        Assert.Equal(["Kept"], timers.Firings.Select(f => f.Function));
    }

    // A timer's invocations run one after another in its orchestration, so none is in flight between them.
    private static async Task AssertQuietUntilArmedAsync(TimerHarness timers, string function, DateTime due)
    {
        var before = timers.Firings.Count;
        await timers.UntilArmedAsync(function, due);
        Assert.Equal(before, timers.Firings.Count);
    }
}
