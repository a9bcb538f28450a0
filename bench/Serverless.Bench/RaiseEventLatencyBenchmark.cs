using System.Collections.Concurrent;
using System.Diagnostics;
using Serverless.Runtime.Durable;

namespace Serverless.Bench;

/// <summary>Latency from calling RaiseEventAsync to the waiting orchestrator's code running again.</summary>
internal static class RaiseEventLatencyBenchmark
{
    private static readonly ConcurrentDictionary<string, long> ResumedAt = new();

    public static async Task RunAsync(BenchSettings settings)
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) =>
            {
                var value = await ctx.WaitForExternalEvent<string>("Approve");
                if (!ctx.IsReplaying) ResumedAt[ctx.InstanceId] = Stopwatch.GetTimestamp();
                return value;
            });
        await using var engine = await BenchEngine.StartAsync(settings, "raise-event", registry);

        var ids = new List<string>();
        for (var i = 0; i < settings.Events; i++) ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waiter"));
        foreach (var id in ids) await engine.Client.WaitForInstanceStartAsync(id);

        var latencies = new List<double>(ids.Count);
        foreach (var id in ids)
        {
            var raisedAt = Stopwatch.GetTimestamp();
            await engine.Client.RaiseEventAsync(id, "Approve", "ok");
            await engine.Client.WaitForInstanceCompletionAsync(id);
            latencies.Add(Stopwatch.GetElapsedTime(raisedAt, ResumedAt[id]).TotalMilliseconds);
        }
        latencies.Sort();
        Console.WriteLine($"RaiseEvent → orchestration resumed ({latencies.Count} events, one at a time): " +
            $"p50 {BenchEngine.Percentile(latencies, 50):F2} ms, p99 {BenchEngine.Percentile(latencies, 99):F2} ms, max {latencies[^1]:F2} ms");
    }
}
