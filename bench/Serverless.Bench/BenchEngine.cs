using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage.Sqlite;

namespace Serverless.Bench;

internal static class BenchEngine
{
    /// <summary>A started engine on a fresh SQLite file.</summary>
    public static async Task<DurableTaskEngine> StartAsync(BenchSettings settings, string name, DurableTaskRegistry registry)
    {
        var path = Path.Combine(settings.Directory, $"{name}.db");
        var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DataSource = path }, TimeProvider.System, "bench");
        var options = new DurableTaskEngineOptions { WorkerId = "bench" };
        if (settings.Concurrency is { } concurrency)
        {
            options.MaxConcurrentOrchestratorFunctions = concurrency;
            options.MaxConcurrentActivityFunctions = concurrency;
        }
        var engine = new DurableTaskEngine(store, registry, options);
        await engine.StartAsync();
        return engine;
    }

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
