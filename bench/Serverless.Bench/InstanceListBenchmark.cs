using System.Diagnostics;
using Serverless.Runtime.Durable;

namespace Serverless.Bench;

/// <summary>
/// What a dashboard refresh costs the store: the newest 100 of many finished orchestrations, with inputs and custom
/// statuses about the size a pipeline run carries, newest first and by orchestration name, as GET /api/runs reads them
/// — with as many other orchestrations (a run's approval gates and deployments) interleaved in the store.
/// </summary>
internal static class InstanceListBenchmark
{
    private const int PageSize = 100;
    private const int Queries = 200;

    public static async Task RunAsync(BenchSettings settings)
    {
        var status = new { stage = "done", stages = Enumerable.Range(0, 10).Select(i => new { name = $"checks-step-{i}", group = "checks", state = "Succeeded", detail = "passed in 0.2s" }) };
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<string, string>("Run", (ctx, _) =>
        {
            ctx.SetCustomStatus(status);
            return Task.FromResult("Succeeded");
        }).AddOrchestratorFunc<string, string>("Gate", (_, _) => Task.FromResult("Approved"));
        await using var engine = await BenchEngine.StartAsync(settings, "instance-list", registry);

        var input = new string('x', 600);
        var ids = new List<string>(settings.Orchestrations);
        var others = new List<string>(settings.Orchestrations);
        for (var i = 0; i < settings.Orchestrations; i++)
        {
            ids.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Run", input, new StartOrchestrationOptions($"run-{i:D6}")));
            others.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Gate", input, new StartOrchestrationOptions($"gate-{i:D6}")));
        }
        foreach (var id in ids.Concat(others)) await engine.Client.WaitForInstanceCompletionAsync(id);

        var query = new OrchestrationQuery { Names = ["Run"], PageSize = PageSize, FetchInputsAndOutputs = true, NewestFirst = true };
        await engine.Client.GetInstancesPageAsync(query);
        var latencies = new List<double>(Queries);
        for (var i = 0; i < Queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await engine.Client.GetInstancesPageAsync(query);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (page.Instances.Count != PageSize || page.Instances[0].InstanceId != ids[^1] || page.Instances.Any(p => p.Name != "Run")) throw new InvalidOperationException("The newest page is not the newest runs.");
        }
        latencies.Sort();
        Console.WriteLine($"Newest {PageSize} of {ids.Count} finished runs among {ids.Count + others.Count} instances, by name, with inputs and custom status ({Queries} queries): " +
            $"p50 {BenchEngine.Percentile(latencies, 50):F2} ms, p99 {BenchEngine.Percentile(latencies, 99):F2} ms");
    }
}
