using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.InMemory;
using Serverless.Runtime.Tests.Support;
using Serverless.Testing.Time;

namespace Serverless.Runtime.Tests.Storage;

public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    private InMemoryOrchestrationStore? _first;

    protected override IOrchestrationStore CreateStore(ManualTimeProvider clock, string workerId) =>
        _first = new InMemoryOrchestrationStore(clock, workerId);

    protected override IOrchestrationStore CreateStoreOnSameData(ManualTimeProvider clock, string workerId) =>
        (_first ?? throw new InvalidOperationException("CreateStore runs first.")).ForWorker(workerId);
}
