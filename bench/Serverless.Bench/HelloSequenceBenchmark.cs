using System.Diagnostics;
using Serverless.Runtime.Durable;

namespace Serverless.Bench;

/// <summary>N "HelloSequence5" orchestrations (5 sequential no-op activities each), all started at once.</summary>
internal static class HelloSequenceBenchmark
{
    public static async Task RunAsync(BenchSettings settings)
    {
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>("Noop", (_, i) => i)
            .AddOrchestratorFunc<int, int>("HelloSequence5", async (ctx, _) =>
            {
                var sum = 0;
                for (var i = 0; i < 5; i++) sum += await ctx.CallActivityAsync<int>("Noop", i);
                return sum;
            });
        await using var engine = await BenchEngine.StartAsync(settings, "hello-sequence", registry);

        var stopwatch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, settings.Orchestrations)
            .Select(i => engine.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence5", i)));
        var scheduled = stopwatch.Elapsed;
        foreach (var id in ids)
        {
            var done = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != 10)
                throw new InvalidOperationException($"{id} ended {done.RuntimeStatus} with {done.SerializedOutput}");
        }
        var elapsed = stopwatch.Elapsed;
        Console.WriteLine($"HelloSequence5: {settings.Orchestrations} orchestrations in {elapsed.TotalSeconds:F2} s " +
            $"= {settings.Orchestrations / elapsed.TotalSeconds:F0} orchestrations/s " +
            $"({settings.Orchestrations * 5 / elapsed.TotalSeconds:F0} activities/s; scheduling took {scheduled.TotalSeconds:F2} s)");
    }
}
