using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Durable;

public sealed class DeterminismAndErrorsTests
{
    [Fact]
    public async Task Code_that_schedules_something_else_on_replay_fails_with_both_sides_and_the_sequence_number()
    {
        var activityToCall = "BuildImage";
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("BuildImage", (_, s) => s)
            .AddActivityFunc<string, string>("PushImage", (_, s) => s)
            .AddOrchestratorFunc<object?, string>("Fickle", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>(activityToCall, "v1");
                return await ctx.WaitForExternalEvent<string>("Continue");
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Fickle");
        await harness.UntilHistoryHas(id, h => h.OfType<TaskCompletedEvent>().Any(), "the first activity completed");
        await EngineHarness.Eventually(async () => (await harness.Client.GetOrchestrationHistoryAsync(id)).Count(e => e is OrchestratorStartedEvent) == 2, "the step after the activity is committed");

        activityToCall = "PushImage";
        await harness.Client.RaiseEventAsync(id, "Continue", "go");
        var done = await harness.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("TaskScheduled (activity 'BuildImage')", done.FailureDetails.ErrorMessage);
        Assert.Contains("a call to activity 'PushImage'", done.FailureDetails.ErrorMessage);
        Assert.Contains("sequence number 0", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task Deterministic_guids_are_the_same_on_every_replay()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Echo", (_, s) => s)
            .AddOrchestratorFunc<object?, Guid[]>("Guids", async (ctx, _) =>
            {
                var first = ctx.NewGuid();
                var echoed = await ctx.CallActivityAsync<string>("Echo", first.ToString());
                var second = ctx.NewGuid();
                await ctx.CallActivityAsync<string>("Echo", "x");
                return [first, Guid.Parse(echoed), second];
            }));

        var guids = (await harness.RunAsync("Guids", instanceId: "fixed-id")).ReadOutputAs<Guid[]>()!;

        Assert.Equal(guids[0], guids[1]);
        Assert.NotEqual(guids[0], guids[2]);
        Assert.All(guids, g => Assert.Equal(5, g.Version));
    }

    [Fact]
    public async Task The_replay_safe_logger_writes_each_line_once()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, int>("Step", (_, n) => n)
            .AddOrchestratorFunc<object?, int>("Chatty", async (ctx, _) =>
            {
                var log = ctx.CreateReplaySafeLogger("Chatty");
                for (var i = 0; i < 3; i++)
                {
                    Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(log, "stage {Stage}", i);
                    await ctx.CallActivityAsync<int>("Step", i);
                }
                return 3;
            }));

        await harness.RunAsync("Chatty");

        var lines = harness.Logs.Lines.Where(l => l.Contains("Chatty: stage")).ToList();
        Assert.Equal(["Information Chatty: stage 0", "Information Chatty: stage 1", "Information Chatty: stage 2"], lines);
    }

    [Fact]
    public async Task Unknown_orchestrator_and_activity_names_get_clear_errors()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("CallsMissing", async (ctx, _) => await ctx.CallActivityAsync<string>("Missing")));

        var unknown = await Assert.ThrowsAsync<FunctionNotFoundException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("Nope"));
        Assert.Contains("'Nope'", unknown.Message);
        Assert.Contains("CallsMissing", unknown.Message);

        var done = await harness.RunAsync("CallsMissing");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("No activity named 'Missing' is registered", done.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task Payloads_over_the_limit_are_refused_with_a_message_naming_the_limit()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<int, string>("Huge", (_, n) => new string('x', n))
            .AddOrchestratorFunc<int, string>("AsksForHuge", async (ctx, n) => await ctx.CallActivityAsync<string>("Huge", n)),
            o => o.MaxPayloadBytes = 4096);

        var input = await Assert.ThrowsAsync<PayloadTooLargeException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("AsksForHuge", new string('y', 5000)));
        Assert.Contains("4,096", input.Message);
        Assert.Contains("MaxPayloadBytes", input.Message);

        var done = await harness.RunAsync("AsksForHuge", 10_000);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("The output of activity 'Huge'", done.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task Events_to_unknown_or_finished_instances_are_refused()
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Quick", (_, _) => Task.FromResult(1)));
        var done = await harness.RunAsync("Quick");

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => harness.Client.RaiseEventAsync("no-such-instance", "Go"));
        await Assert.ThrowsAsync<InstanceFinishedException>(() => harness.Client.RaiseEventAsync(done.InstanceId, "Go"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has/slash")]
    [InlineData("has?query")]
    [InlineData("@entity")]
    public async Task Invalid_instance_ids_are_refused(string instanceId)
    {
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Quick", (_, _) => Task.FromResult(1)));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new StartOrchestrationOptions(instanceId)));
    }
}
