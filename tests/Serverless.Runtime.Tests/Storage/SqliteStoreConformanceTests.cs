using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Sqlite;
using Serverless.Runtime.Tests.Support;
using Serverless.Testing.Time;

namespace Serverless.Runtime.Tests.Storage;

public sealed class SqliteStoreConformanceTests : StoreConformanceTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"store-conformance-{Guid.NewGuid():N}.db");

    protected override IOrchestrationStore CreateStore(ManualTimeProvider clock, string workerId) =>
        new SqliteOrchestrationStore(new SqliteStoreOptions { DataSource = _path }, clock, workerId);

    protected override IOrchestrationStore CreateStoreOnSameData(ManualTimeProvider clock, string workerId) =>
        CreateStore(clock, workerId);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
    }
}
