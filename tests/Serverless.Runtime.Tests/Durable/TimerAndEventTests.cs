using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Durable;

public sealed class TimerAndEventTests
{
    private static void RegisterSleeper(DurableTaskRegistry registry) => registry
        .AddOrchestratorFunc<double, DateTime>("Sleeper", async (ctx, minutes) =>
        {
            await ctx.CreateTimer(TimeSpan.FromMinutes(minutes), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        });

    [Fact]
    public async Task A_short_timer_fires_when_its_time_comes_and_not_before()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterSleeper);
        var start = harness.Clock.GetUtcNow();
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper", 5.0);
        await harness.UntilHistoryHas(id, h => h.OfType<TimerCreatedEvent>().Any(), "the timer is created");

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var done = await harness.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<DateTime>() >= start.UtcDateTime.AddMinutes(5));
    }

    [Fact]
    public async Task A_thirty_day_timer_is_durable_and_fires_on_the_test_clock()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterSleeper);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper", TimeSpan.FromDays(30).TotalMinutes);
        await harness.UntilHistoryHas(id, h => h.OfType<TimerCreatedEvent>().Any(), "the timer is created");

        var timer = (await harness.Client.GetOrchestrationHistoryAsync(id)).OfType<TimerCreatedEvent>().Single();
        Assert.Equal(harness.Clock.GetUtcNow().AddDays(30), timer.FireAt);
        Assert.Equal(timer.FireAt, await harness.Store.GetNextMessageVisibleTimeAsync());

        harness.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var done = await harness.CompletionAsync(id);
        Assert.Equal(timer.FireAt.UtcDateTime, done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task An_event_raised_before_the_orchestration_waits_is_buffered_until_it_does()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Prepare", (_, s) => s)
            .AddOrchestratorFunc<object?, string>("LateWaiter", async (ctx, _) =>
            {
                await ctx.WaitForExternalEvent<string>("Gate");
                var prepared = await ctx.CallActivityAsync<string>("Prepare", "prepared");
                var approval = await ctx.WaitForExternalEvent<string>("APPROVAL");
                return $"{prepared}:{approval}";
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("LateWaiter");
        await harness.Client.RaiseEventAsync(id, "approval", "alice");
        await harness.Client.RaiseEventAsync(id, "Gate", "open");

        var done = await harness.CompletionAsync(id);

        Assert.Equal("prepared:alice", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_while_the_orchestration_waits_resumes_it()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Waiter", async (ctx, _) => await ctx.WaitForExternalEvent<int>("Number")));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter");
        await harness.Client.WaitForInstanceStartAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

        await harness.Client.RaiseEventAsync(id, "Number", 42);

        Assert.Equal(42, (await harness.CompletionAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Waiting_for_an_event_with_a_timeout_throws_TaskCanceledException_when_time_runs_out()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Gate", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("Approve", TimeSpan.FromHours(24));
                }
                catch (TaskCanceledException)
                {
                    return "expired";
                }
            }));
        var expiring = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Gate");
        var approved = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Gate");
        await harness.UntilHistoryHas(expiring, h => h.OfType<TimerCreatedEvent>().Any(), "the timeout timer is created");
        await harness.UntilHistoryHas(approved, h => h.OfType<TimerCreatedEvent>().Any(), "the timeout timer is created");

        await harness.Client.RaiseEventAsync(approved, "Approve", "bob");
        Assert.Equal("bob", (await harness.CompletionAsync(approved)).ReadOutputAs<string>());
        harness.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await harness.Client.GetInstanceAsync(expiring))!.RuntimeStatus);
        harness.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("expired", (await harness.CompletionAsync(expiring)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task SendEvent_delivers_to_another_instance()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Receiver", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Ping"))
            .AddOrchestratorFunc<string, bool>("Sender", (ctx, target) =>
            {
                ctx.SendEvent(target, "Ping", "from sender");
                return Task.FromResult(true);
            }));
        var receiver = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Receiver");

        await harness.RunAsync("Sender", receiver);

        Assert.Equal("from sender", (await harness.CompletionAsync(receiver)).ReadOutputAs<string>());
    }
}
