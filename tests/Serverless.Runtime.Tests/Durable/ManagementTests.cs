using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Durable;

public sealed class ManagementTests
{
    private static void RegisterWaiter(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("Echo", (_, s) => s)
        .AddOrchestratorFunc<string, string>("Waiter", async (ctx, input) =>
        {
            var value = await ctx.WaitForExternalEvent<string>("Go");
            return await ctx.CallActivityAsync<string>("Echo", $"{input}:{value}");
        });

    [Fact]
    public async Task Terminate_ends_a_running_instance_with_the_reason_as_output()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "a");
        await harness.Client.WaitForInstanceStartAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

        await harness.Client.TerminateInstanceAsync(id, "superseded by a newer push");
        var done = await harness.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("superseded by a newer push", done.ReadOutputAs<string>());
        await Assert.ThrowsAsync<InstanceFinishedException>(() => harness.Client.RaiseEventAsync(id, "Go", "late"));
        await Assert.ThrowsAsync<InstanceFinishedException>(() => harness.Client.TerminateInstanceAsync(id, "again"));
    }

    [Fact]
    public async Task Terminate_ends_an_instance_scheduled_to_start_later_and_it_never_starts()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "a", new StartOrchestrationOptions(StartAt: harness.Clock.GetUtcNow().AddHours(1)));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await harness.Client.TerminateInstanceAsync(id, "not needed");
        var done = await harness.CompletionAsync(id);
        Assert.Equal((OrchestrationRuntimeStatus.Terminated, "not needed"), (done.RuntimeStatus, done.ReadOutputAs<string>()));

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "b", new StartOrchestrationOptions("after"));
        await harness.Client.RaiseEventAsync("after", "Go", "x");
        await harness.CompletionAsync("after");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.DoesNotContain(await harness.Client.GetOrchestrationHistoryAsync(id), e => e is ExecutionStartedEvent);
    }

    [Fact]
    public async Task A_suspended_instance_holds_its_events_until_resumed()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "a");
        await harness.Client.WaitForInstanceStartAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

        await harness.Client.SuspendInstanceAsync(id, "maintenance window");
        await EngineHarness.Eventually(async () => (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "the instance is suspended");
        await harness.Client.RaiseEventAsync(id, "Go", "held");
        var pending = await harness.Store.LockOrchestrationWorkItemsAsync(10, TimeSpan.FromSeconds(30));
        Assert.Empty(pending);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await harness.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await harness.Client.ResumeInstanceAsync(id, "window over");
        var done = await harness.CompletionAsync(id);

        Assert.Equal("a:held", done.ReadOutputAs<string>());
        var history = await harness.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal("maintenance window", history.OfType<ExecutionSuspendedEvent>().Single().Reason);
        Assert.Equal("window over", history.OfType<ExecutionResumedEvent>().Single().Reason);
    }

    [Fact]
    public async Task Restart_runs_the_instance_again_with_its_original_input()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "first");
        await harness.Client.RaiseEventAsync(id, "Go", "1");
        await harness.CompletionAsync(id);

        var sameId = await harness.Client.RestartAsync(id);
        await harness.Client.RaiseEventAsync(sameId, "Go", "2");
        var newId = await harness.Client.RestartAsync(id, restartWithNewInstanceId: true);
        await harness.Client.RaiseEventAsync(newId, "Go", "3");

        Assert.Equal(id, sameId);
        Assert.NotEqual(id, newId);
        Assert.Matches("^[0-9a-f]{32}$", newId);
        Assert.Equal("first:2", (await harness.CompletionAsync(sameId)).ReadOutputAs<string>());
        Assert.Equal("first:3", (await harness.CompletionAsync(newId)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Starting_an_id_that_is_still_running_is_refused_but_a_finished_one_can_be_reused()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "a", new StartOrchestrationOptions("deploy-prod"));

        var conflict = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "b", new StartOrchestrationOptions("deploy-prod")));
        Assert.Contains("deploy-prod", conflict.Message);

        await harness.Client.RaiseEventAsync("deploy-prod", "Go", "x");
        await harness.CompletionAsync("deploy-prod");
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "c", new StartOrchestrationOptions("deploy-prod"));
        await harness.Client.RaiseEventAsync("deploy-prod", "Go", "y");
        Assert.Equal("c:y", (await harness.CompletionAsync("deploy-prod")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Purge_deletes_finished_instances_only()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        var running = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "r");
        var finished = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", $"f{i}");
            await harness.Client.RaiseEventAsync(id, "Go", "x");
            await harness.CompletionAsync(id);
            finished.Add(id);
        }

        Assert.Equal(0, (await harness.Client.PurgeInstanceAsync(running)).PurgedInstanceCount);
        Assert.Equal(1, (await harness.Client.PurgeInstanceAsync(finished[0])).PurgedInstanceCount);
        Assert.Null(await harness.Client.GetInstanceAsync(finished[0]));
        Assert.Empty(await harness.Client.GetOrchestrationHistoryAsync(finished[0]));

        var purged = await harness.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.MinValue));
        Assert.Equal(2, purged.PurgedInstanceCount);
        Assert.NotNull(await harness.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task Listing_pages_through_every_instance_with_filters()
    {
        await using var harness = await EngineHarness.StartAsync(RegisterWaiter);
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
            ids.Add(await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions($"run-{i:D2}")));
        await harness.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions("other-1"));

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await harness.Client.GetInstancesPageAsync(new OrchestrationQuery { InstanceIdPrefix = "run-", PageSize = 10, ContinuationToken = token });
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            token = page.ContinuationToken;
            pages++;
        } while (token is not null);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(3, pages);
        var all = await harness.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 7 }).ToListAsync();
        Assert.Equal(26, all.Count);
    }
}
