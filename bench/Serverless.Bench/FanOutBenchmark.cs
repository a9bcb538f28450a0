using System.Diagnostics;
using Serverless.Runtime.Durable;

namespace Serverless.Bench;

/// <summary>One orchestration fanning out over N no-op activities and back in.</summary>
internal static class FanOutBenchmark
{
    public static async Task RunAsync(BenchSettings settings)
    {
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>("Noop", (_, i) => i)
            .AddOrchestratorFunc<int, long>("FanOut", async (ctx, count) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => ctx.CallActivityAsync<int>("Noop", i)));
                return results.Sum(x => (long)x);
            });
        await using var engine = await BenchEngine.StartAsync(settings, "fan-out", registry);

        var stopwatch = Stopwatch.StartNew();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", settings.FanOut);
        var done = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        var elapsed = stopwatch.Elapsed;
        var expected = (long)settings.FanOut * (settings.FanOut - 1) / 2;
        if (done.ReadOutputAs<long>() != expected) throw new InvalidOperationException($"fan-out returned {done.SerializedOutput}, expected {expected}");
        var steps = (await engine.Client.GetOrchestrationHistoryAsync(id)).Count(e => e is Serverless.Runtime.Durable.History.OrchestratorStartedEvent);
        Console.WriteLine($"Fan-out/fan-in over {settings.FanOut} activities: {elapsed.TotalMilliseconds:F0} ms wall time ({steps} orchestration steps)");
    }
}
