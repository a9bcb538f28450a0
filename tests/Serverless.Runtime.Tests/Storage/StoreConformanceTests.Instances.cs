using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Create_stores_the_instance_and_enqueues_its_start_message()
    {
        var request = NewInstance("i1");

        await Store.CreateInstanceAsync(request);

        Assert.Equal(request.Instance, await Store.GetInstanceAsync("i1"));
        Assert.Empty(await Store.GetHistoryAsync("i1"));
        var item = await LockOneAsync();
        var message = Assert.Single(item.Messages);
        Assert.Equal(request.StartMessage.Event, message.Event);
        Assert.Equal("i1-exec", message.TargetExecutionId);
        Assert.True(message.Id > 0);
    }

    [Fact]
    public async Task Create_refuses_an_id_taken_by_an_unfinished_instance()
    {
        await StartRunningAsync("i1");

        var ex = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => Store.CreateInstanceAsync(NewInstance("i1")));

        Assert.Equal("i1", ex.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, ex.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Store.GetInstanceAsync("i1"))!.Status);
    }

    [Fact]
    public async Task Create_refuses_an_id_taken_by_a_pending_instance()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));

        await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => Store.CreateInstanceAsync(NewInstance("i1")));
    }

    [Fact]
    public async Task Create_with_OnConflict_delivers_that_message_instead_of_throwing()
    {
        await StartRunningAsync("parent");
        await StartRunningAsync("child");
        var onConflict = Message("parent", new SubOrchestrationInstanceFailedEvent(3, new TaskFailureDetails("Conflict", "taken")) { Timestamp = Now });

        await Store.CreateInstanceAsync(NewInstance("child") with { OnConflict = onConflict });

        var item = await LockOneAsync();
        Assert.Equal("parent", item.Instance.InstanceId);
        Assert.Equal(onConflict.Event, Assert.Single(item.Messages).Event);
        Assert.Equal(2, (await Store.GetHistoryAsync("child")).Count);
    }

    [Fact]
    public async Task Create_replaces_a_finished_instance_with_its_history_and_inbox()
    {
        await Store.CreateInstanceAsync(NewInstance("i1"));
        var first = await LockOneAsync();
        await Store.SendMessageAsync(Raised("i1", "late"));
        await Store.CompleteOrchestrationWorkItemAsync(first, Step(first, OrchestrationRuntimeStatus.Completed, Started(), Started(first)));
        Clock.Advance(TimeSpan.FromMinutes(1));

        var replacement = NewInstance("i1", input: "\"second\"");
        await Store.CreateInstanceAsync(replacement);

        Assert.Equal(replacement.Instance, await Store.GetInstanceAsync("i1"));
        Assert.Empty(await Store.GetHistoryAsync("i1"));
        var item = await LockOneAsync();
        Assert.Empty(item.History);
        Assert.Equal(replacement.StartMessage.Event, Assert.Single(item.Messages).Event);
    }

    [Fact]
    public async Task SendMessage_to_an_unknown_instance_throws_not_found()
    {
        var ex = await Assert.ThrowsAsync<InstanceNotFoundException>(() => Store.SendMessageAsync(Raised("nobody", "e")));

        Assert.Equal("nobody", ex.InstanceId);
    }

    [Fact]
    public async Task SendMessage_to_a_finished_instance_throws_finished()
    {
        await FinishAsync("i1", OrchestrationRuntimeStatus.Failed);

        var ex = await Assert.ThrowsAsync<InstanceFinishedException>(() => Store.SendMessageAsync(Raised("i1", "e")));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, ex.Status);
        await AssertNoOrchestrationWorkAsync();
    }

    [Fact]
    public async Task An_unknown_instance_has_no_record_and_empty_history()
    {
        Assert.Null(await Store.GetInstanceAsync("nobody"));
        Assert.Empty(await Store.GetHistoryAsync("nobody"));
    }

    [Fact]
    public async Task Purge_deletes_only_a_finished_instance()
    {
        await StartRunningAsync("running");
        await FinishAsync("done");

        Assert.False(await Store.PurgeInstanceAsync("running"));
        Assert.False(await Store.PurgeInstanceAsync("nobody"));
        Assert.True(await Store.PurgeInstanceAsync("done"));

        Assert.Null(await Store.GetInstanceAsync("done"));
        Assert.Empty(await Store.GetHistoryAsync("done"));
        Assert.NotNull(await Store.GetInstanceAsync("running"));
        Assert.NotEmpty(await Store.GetHistoryAsync("running"));
        Assert.False(await Store.PurgeInstanceAsync("done"));
    }

    [Fact]
    public async Task A_purged_id_can_be_created_again_from_scratch()
    {
        await FinishAsync("i1");
        await Store.PurgeInstanceAsync("i1");

        await Store.CreateInstanceAsync(NewInstance("i1"));

        var item = await LockOneAsync();
        Assert.Empty(item.History);
        Assert.Single(item.Messages);
    }

    [Fact]
    public async Task Purge_by_filter_deletes_matching_finished_instances_only()
    {
        await FinishAsync("old-completed");
        await FinishAsync("old-failed", OrchestrationRuntimeStatus.Failed);
        await StartRunningAsync("old-running");
        await Store.CreateInstanceAsync(NewInstance("old-pending", startAt: Now + TimeSpan.FromDays(1)));
        var cutoff = Now;
        Clock.Advance(TimeSpan.FromHours(1));
        await FinishAsync("new-completed");

        Assert.Equal(0, await Store.PurgeInstancesAsync(new PurgeFilter { CreatedTo = cutoff, Statuses = [OrchestrationRuntimeStatus.Terminated] }));
        Assert.Equal(1, await Store.PurgeInstancesAsync(new PurgeFilter { CreatedTo = cutoff, Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Running] }));
        Assert.Null(await Store.GetInstanceAsync("old-completed"));
        Assert.Equal(1, await Store.PurgeInstancesAsync(new PurgeFilter { CreatedTo = cutoff, Statuses = [] }));
        Assert.Null(await Store.GetInstanceAsync("old-failed"));

        Assert.NotNull(await Store.GetInstanceAsync("old-running"));
        Assert.NotNull(await Store.GetInstanceAsync("old-pending"));
        Assert.NotNull(await Store.GetInstanceAsync("new-completed"));
        Assert.NotEmpty(await Store.GetHistoryAsync("new-completed"));
    }

    [Fact]
    public async Task Purge_by_filter_honours_created_from_and_completed_before()
    {
        await FinishAsync("a");
        Clock.Advance(TimeSpan.FromHours(1));
        var secondCreated = Now;
        await FinishAsync("b");
        Clock.Advance(TimeSpan.FromHours(1));
        await FinishAsync("c");

        Assert.Equal(0, await Store.PurgeInstancesAsync(new PurgeFilter { CreatedFrom = secondCreated, CompletedBefore = secondCreated - TimeSpan.FromTicks(1) }));
        Assert.Equal(1, await Store.PurgeInstancesAsync(new PurgeFilter { CreatedFrom = secondCreated, CompletedBefore = secondCreated }));
        Assert.Null(await Store.GetInstanceAsync("b"));
        Assert.Equal(2, await Store.PurgeInstancesAsync(new PurgeFilter()));
        Assert.Null(await Store.GetInstanceAsync("a"));
        Assert.Null(await Store.GetInstanceAsync("c"));
    }
}
