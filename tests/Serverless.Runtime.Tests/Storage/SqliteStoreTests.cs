using Microsoft.Data.Sqlite;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Sqlite;
using Serverless.Runtime.Tests.Support;
using Serverless.Testing.Time;

namespace Serverless.Runtime.Tests.Storage;

/// <summary>What only the SQLite store promises: a shareable file, durable across reopening, validated options.</summary>
public sealed class SqliteStoreTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sqlite-store-{Guid.NewGuid():N}.db");
    private readonly ManualTimeProvider _clock = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return Task.CompletedTask;
    }

    private SqliteOrchestrationStore Open(string workerId = "w1") => new(new SqliteStoreOptions { DataSource = _path }, _clock, workerId);

    [Fact]
    public void Options_default_to_the_documented_values()
    {
        var options = new SqliteStoreOptions { DataSource = "x.db" };

        Assert.Equal(SqliteStoreOptions.DefaultMaxBatchSize, options.MaxBatchSize);
        Assert.Equal(SqliteStoreOptions.DefaultReadConnections, options.ReadConnections);
        Assert.Equal(SqliteStoreOptions.DefaultBusyTimeout, options.BusyTimeout);
        Assert.Equal(SqliteStoreOptions.DefaultHistoryCacheInstances, options.HistoryCacheInstances);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_bad_field_named()
    {
        var options = new SqliteStoreOptions { DataSource = " ", MaxBatchSize = 0, ReadConnections = 0, BusyTimeout = TimeSpan.FromSeconds(-1), HistoryCacheInstances = -1 };

        var ex = Assert.Throws<ArgumentException>(() => new SqliteOrchestrationStore(options, _clock, "w"));

        foreach (var field in new[] { "DataSource", "MaxBatchSize", "ReadConnections", "BusyTimeout", "HistoryCacheInstances" })
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_with_the_schema_created_once_by_concurrent_openers()
    {
        var stores = Enumerable.Range(0, 4).Select(i => Open($"w{i}")).ToList();
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        foreach (var store in stores) await store.DisposeAsync();

        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task Everything_committed_is_there_after_reopening_the_file()
    {
        await using (var store = Open())
        {
            await store.CreateInstanceAsync(Start("i1"));
            var item = Assert.Single(await store.LockOrchestrationWorkItemsAsync(1, TimeSpan.FromMinutes(1)));
            await store.CompleteOrchestrationWorkItemAsync(item, new OrchestrationStepResult
            {
                NewEvents = [new OrchestratorStartedEvent { Timestamp = _clock.GetUtcNow() }, item.Messages[0].Event],
                Instance = item.Instance with { Status = OrchestrationRuntimeStatus.Running },
                ConsumedMessageIds = [item.Messages[0].Id],
                Activities = [new ActivityMessage { InstanceId = "i1", ExecutionId = "e1", TaskScheduledId = 0, Name = "A" }],
            });
        }

        await using var reopened = Open("w2");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await reopened.GetInstanceAsync("i1"))!.Status);
        Assert.Equal(2, (await reopened.GetHistoryAsync("i1")).Count);
        Assert.Equal("A", Assert.Single(await reopened.LockActivityWorkItemsAsync(5, TimeSpan.FromMinutes(1))).Message.Name);
    }

    [Fact]
    public async Task A_lock_held_by_a_worker_that_restarts_is_released_by_its_successor()
    {
        await using (var crashed = Open("host-1"))
        {
            await crashed.CreateInstanceAsync(Start("i1"));
            Assert.Single(await crashed.LockOrchestrationWorkItemsAsync(1, TimeSpan.FromMinutes(5)));
        }

        await using var restarted = Open("host-1");
        Assert.Empty(await restarted.LockOrchestrationWorkItemsAsync(1, TimeSpan.FromMinutes(5)));
        await restarted.ReleaseOwnLocksAsync();
        Assert.Single(await restarted.LockOrchestrationWorkItemsAsync(1, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Calls_after_dispose_are_refused()
    {
        var store = Open();
        await store.InitializeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetInstanceAsync("i1"));
    }

    private NewInstance Start(string instanceId)
    {
        var now = _clock.GetUtcNow();
        return new NewInstance(
            new InstanceRecord { InstanceId = instanceId, ExecutionId = "e1", Name = "O", Status = OrchestrationRuntimeStatus.Pending, CreatedAt = now, LastUpdatedAt = now },
            new OrchestrationMessage { InstanceId = instanceId, Event = new ExecutionStartedEvent("O", "e1", null) { Timestamp = now }, VisibleAt = now });
    }
}
