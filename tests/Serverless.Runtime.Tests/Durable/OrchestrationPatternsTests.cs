using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Durable;

public sealed class OrchestrationPatternsTests
{
    [Fact]
    public async Task Chaining_passes_each_result_to_the_next_activity()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Hello", (_, name) => $"Hello {name}!")
            .AddOrchestratorFunc<string, List<string>>("HelloCities", async (ctx, _) =>
            [
                await ctx.CallActivityAsync<string>("Hello", "Tokyo"),
                await ctx.CallActivityAsync<string>("Hello", "Seattle"),
                await ctx.CallActivityAsync<string>("Hello", "London"),
            ]));

        var result = await harness.RunAsync("HelloCities");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], result.ReadOutputAs<List<string>>());
        var history = await harness.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        Assert.Equal([0, 1, 2], history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
        Assert.Equal(3, history.OfType<TaskCompletedEvent>().Count());
        Assert.IsType<ExecutionCompletedEvent>(history[^1]);
    }

    [Fact]
    public async Task Fan_out_and_in_over_a_thousand_activities_sums_every_result()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, n) => n * n)
            .AddOrchestratorFunc<int, long>("SumOfSquares", async (ctx, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum(x => (long)x);
            }));

        var result = await harness.RunAsync("SumOfSquares", 1000);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (long)i * i), result.ReadOutputAs<long>());
        var history = await harness.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        Assert.Equal(1000, history.OfType<TaskScheduledEvent>().Select(e => e.EventId).Distinct().Count());
        Assert.Equal(1000, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
    }

    [Fact]
    public async Task Sub_orchestration_result_reaches_the_parent()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Double", (_, n) => n * 2)
            .AddOrchestratorFunc<int, int>("Child", async (ctx, n) => await ctx.CallActivityAsync<int>("Double", n))
            .AddOrchestratorFunc<int, int>("Parent", async (ctx, n) =>
            {
                var a = await ctx.CallSubOrchestratorAsync<int>("Child", n, TaskOptions.WithInstanceId($"{ctx.InstanceId}-child"));
                var b = await ctx.CallSubOrchestratorAsync<int>("Child", a);
                return a + b;
            }));

        var result = await harness.RunAsync("Parent", 5, "parent-1");

        Assert.Equal(30, result.ReadOutputAs<int>());
        var child = await harness.Client.GetInstanceAsync("parent-1-child", getInputsAndOutputs: true);
        Assert.NotNull(child);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(10, child.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Sub_orchestration_failure_surfaces_in_the_parent_with_its_details()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Explode", (_, why) => Fail<string>(new InvalidOperationException(why)))
            .AddOrchestratorFunc<string, string>("Child", async (ctx, why) => await ctx.CallActivityAsync<string>("Explode", why))
            .AddOrchestratorFunc<string, string>("CatchingParent", async (ctx, why) =>
            {
                try
                {
                    return await ctx.CallSubOrchestratorAsync<string>("Child", why);
                }
                catch (TaskFailedException ex)
                {
                    return $"caught: {ex.FailureDetails.ErrorMessage}";
                }
            })
            .AddOrchestratorFunc<string, string>("Parent", async (ctx, why) => await ctx.CallSubOrchestratorAsync<string>("Child", why)));

        var caught = await harness.RunAsync("CatchingParent", "disk full");
        var failed = await harness.RunAsync("Parent", "disk full");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, caught.RuntimeStatus);
        Assert.Contains("disk full", caught.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.NotNull(failed.FailureDetails);
        Assert.Equal(typeof(TaskFailedException).FullName, failed.FailureDetails.ErrorType);
        Assert.Contains("disk full", failed.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task An_unhandled_activity_failure_fails_the_orchestration_with_the_activity_error()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Divide", (_, n) => 10 / n)
            .AddOrchestratorFunc<int, int>("Calc", async (ctx, n) => await ctx.CallActivityAsync<int>("Divide", n)));

        var result = await harness.RunAsync("Calc", 0);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("Divide", result.FailureDetails!.ErrorMessage);
        var history = await harness.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        var taskFailed = Assert.Single(history.OfType<TaskFailedEvent>());
        Assert.Equal(typeof(DivideByZeroException).FullName, taskFailed.FailureDetails.ErrorType);
        Assert.True(taskFailed.FailureDetails.IsCausedBy<ArithmeticException>());
    }

    [Fact]
    public async Task Custom_status_is_visible_while_running()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Staged", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new { stage = "awaiting approval", approvals = 1 });
                return await ctx.WaitForExternalEvent<string>("Go");
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Staged");

        await EngineHarness.Eventually(async () => (await harness.Client.GetInstanceAsync(id))?.SerializedCustomStatus is not null, "custom status is set");
        var running = await harness.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal("""{"stage":"awaiting approval","approvals":1}""", running.SerializedCustomStatus);

        await harness.Client.RaiseEventAsync(id, "Go", "went");
        var done = await harness.CompletionAsync(id);
        Assert.Equal("went", done.ReadOutputAs<string>());
    }

    private static T Fail<T>(Exception exception) => throw exception;
}
