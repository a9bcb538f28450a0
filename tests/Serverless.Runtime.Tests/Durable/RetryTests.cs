using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Durable;

public sealed class RetryTests
{
    private static readonly RetryPolicy Policy = new(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2.0);

    [Fact]
    public async Task A_flaky_activity_is_retried_on_durable_timers_with_exponential_backoff_then_succeeds()
    {
        var attempts = 0;
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Flaky", (_, s) => Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("registry busy") : s)
            .AddOrchestratorFunc<string, string>("Retrying", async (ctx, s) => await ctx.CallActivityAsync<string>("Flaky", s, TaskOptions.FromRetryPolicy(Policy))));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Retrying", "pushed");

        var done = await harness.AdvanceUntilCompleteAsync(id, TimeSpan.FromSeconds(1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("pushed", done.ReadOutputAs<string>());
        Assert.Equal(3, attempts);
        var history = await harness.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(2, history.OfType<TaskFailedEvent>().Count());
        var waits = RetryWaits(history);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], waits);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt_and_the_failure_reaches_the_orchestrator()
    {
        var attempts = 0;
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Broken", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                return Fail<string>(new InvalidOperationException("image not found"));
            })
            .AddOrchestratorFunc<string, string>("Retrying", async (ctx, s) => await ctx.CallActivityAsync<string>("Broken", s, TaskOptions.FromRetryPolicy(Policy))));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Retrying", "x");

        var done = await harness.AdvanceUntilCompleteAsync(id, TimeSpan.FromSeconds(5));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("image not found", done.FailureDetails!.ErrorMessage);
        Assert.Equal(4, attempts);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)], RetryWaits(await harness.Client.GetOrchestrationHistoryAsync(id)));
    }

    [Fact]
    public async Task A_failure_the_policy_does_not_handle_is_not_retried()
    {
        var attempts = 0;
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.IsCausedBy<ArgumentException>() };
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Invalid", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                return Fail<string>(new ArgumentException("bad manifest"));
            })
            .AddOrchestratorFunc<string, string>("Retrying", async (ctx, s) => await ctx.CallActivityAsync<string>("Invalid", s, TaskOptions.FromRetryPolicy(policy))));

        var done = await harness.RunAsync("Retrying", "x");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(10, 60)]
    public void Backoff_grows_by_the_coefficient_and_is_capped(int failedAttempt, int expectedSeconds)
    {
        var policy = new RetryPolicy(20, TimeSpan.FromSeconds(10), 2.0, maxRetryInterval: TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.GetDelay(failedAttempt));
    }

    private static T Fail<T>(Exception exception) => throw exception;

    // Each retry wait is a TimerCreated; its length is FireAt minus the time of the step that created it.
    private static List<TimeSpan> RetryWaits(IReadOnlyList<HistoryEvent> history)
    {
        var waits = new List<TimeSpan>();
        var stepStart = DateTimeOffset.MinValue;
        foreach (var e in history)
        {
            if (e is OrchestratorStartedEvent) stepStart = e.Timestamp;
            if (e is TimerCreatedEvent timer) waits.Add(timer.FireAt - stepStart);
        }
        return waits;
    }
}
