// A host process for the crash-recovery tests: runs one durable pipeline-shaped orchestration on a SQLite file and
// is killed with SIGKILL at various points by the test, then started again on the same file.
// Usage: CrashHost <db-path> <worker-id> <lock-seconds> [hold-at]
// hold-at N: the activity run that makes the marker file N lines long (and any after it) never finishes, so the test
// can kill the process at a known point while that activity holds its lease.
using Serverless.Runtime.CrashHost;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage.Sqlite;

var (dbPath, workerId, lockSeconds) = (args[0], args[1], int.Parse(args[2]));
var holdAt = args.Length > 3 ? int.Parse(args[3]) : 0;
var markerPath = dbPath + ".steps";
var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DataSource = dbPath }, TimeProvider.System, workerId);
var registry = CrashWorkflow.Register(new DurableTaskRegistry(), markerPath, holdAt);
await using var engine = new DurableTaskEngine(store, registry, new DurableTaskEngineOptions
{
    WorkerId = workerId,
    LockDuration = TimeSpan.FromSeconds(lockSeconds),
    MaxPollingInterval = TimeSpan.FromMilliseconds(200),
});
await engine.StartAsync();
if (await engine.Client.GetInstanceAsync(CrashWorkflow.InstanceId) is null)
    await engine.Client.ScheduleNewOrchestrationInstanceAsync(CrashWorkflow.Name, CrashWorkflow.Steps, new StartOrchestrationOptions(CrashWorkflow.InstanceId));
Console.WriteLine("STARTED");
var done = await engine.Client.WaitForInstanceCompletionAsync(CrashWorkflow.InstanceId, getInputsAndOutputs: true);
Console.WriteLine($"DONE {done.RuntimeStatus} {done.SerializedOutput}");
