// A host process for the timer tests: runs one timer function on a SQLite file for a while, then stops. Each
// invocation appends "{due time} {worker id}" to the output file, so the test can check that hosts sharing the file
// invoked each occurrence once.
// Usage: TimerHost <db-path> <worker-id> <output-file> <run-seconds> <schedule>
using System.Globalization;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Hosting.Timers;
using Serverless.Runtime.Storage.Sqlite;
using Serverless.Runtime.TimerHost;

var (dbPath, workerId, outputPath, runSeconds, schedule) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
var timers = TimerTriggerSet.Create(
[
    new TimerTriggerRegistration("Tick", schedule, RunOnStartup: false, UseMonitor: true,
        (info, _, cancellationToken) => SharedFile.AppendLineAsync(outputPath, $"{info.ScheduleStatus!.Next:O} {workerId}", cancellationToken)),
]);
var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DataSource = dbPath }, TimeProvider.System, workerId);
await using var engine = new DurableTaskEngine(store, new DurableTaskRegistry().AddTimerTriggers(timers), new DurableTaskEngineOptions
{
    WorkerId = workerId,
    LockDuration = TimeSpan.FromSeconds(5),
    MaxPollingInterval = TimeSpan.FromMilliseconds(200),
});
await engine.StartAsync();
await new TimerTriggerStarter(engine.Client, timers).EnsureTimersRunningAsync();
Console.WriteLine("STARTED");
await Task.Delay(TimeSpan.FromSeconds(runSeconds));
await engine.StopAsync();
Console.WriteLine("STOPPED");
