// Durable engine benchmarks on the SQLite store (synchronous=FULL), as docs/benchmarks.md describes.
// Run: dotnet run -c Release --project bench/Serverless.Bench [-- --orchestrations 2000 --fanout 1000 --events 500 --concurrency N]
using Serverless.Bench;

var settings = BenchSettings.Parse(args);
Console.WriteLine($"Durable engine benchmarks — SQLite store, synchronous=FULL, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"data directory: {settings.Directory}");
await CommitBaselineBenchmark.RunAsync(settings);
await HelloSequenceBenchmark.RunAsync(settings);
await FanOutBenchmark.RunAsync(settings);
await RaiseEventLatencyBenchmark.RunAsync(settings);
await InstanceListBenchmark.RunAsync(settings);
if (!settings.KeepData) Directory.Delete(settings.Directory, recursive: true);
