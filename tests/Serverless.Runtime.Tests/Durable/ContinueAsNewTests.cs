using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Durable;

public sealed class ContinueAsNewTests
{
    [Fact]
    public async Task An_eternal_loop_with_ContinueAsNew_keeps_history_to_one_iteration()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Increment", (_, n) => n + 1)
            .AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
            {
                var next = await ctx.CallActivityAsync<int>("Increment", n);
                if (next < 100) ctx.ContinueAsNew(next);
                return next;
            }));

        var done = await harness.RunAsync("Counter", 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(100, done.ReadOutputAs<int>());
        var history = await harness.Client.GetOrchestrationHistoryAsync(done.InstanceId);
        Assert.True(history.Count <= 8, $"history holds {history.Count} events; it should hold only the last iteration");
        Assert.Equal(99, ((ExecutionStartedEvent)history.First(e => e is ExecutionStartedEvent)).Input is { } input ? int.Parse(input) : -1);
    }

    [Fact]
    public async Task Events_not_yet_consumed_are_carried_into_the_next_execution()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Accumulate", async (ctx, total) =>
            {
                var value = await ctx.WaitForExternalEvent<int>("Add");
                if (value == 0) return total;
                ctx.ContinueAsNew(total + value);
                return total;
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Accumulate", 0);
        foreach (var value in new[] { 1, 2, 3, 4, 0 }) await harness.Client.RaiseEventAsync(id, "Add", value);

        Assert.Equal(10, (await harness.CompletionAsync(id)).ReadOutputAs<int>());
    }
}
