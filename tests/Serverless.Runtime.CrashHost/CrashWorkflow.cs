using Serverless.Runtime.Durable;

namespace Serverless.Runtime.CrashHost;

/// <summary>
/// Chains <see cref="Steps"/> activities, fans out over ten in the middle, waits on a durable timer and calls a
/// sub-orchestration, so a kill can land in any kind of step. Each activity run appends a line to a marker file,
/// which is how the test knows how far the run got.
/// </summary>
public static class CrashWorkflow
{
    public const string Name = "CrashChain";
    public const string InstanceId = "crash-run";
    public const int Steps = 24;

    /// <summary>The output the orchestration must produce whatever happens to the process.</summary>
    public static long ExpectedOutput => Enumerable.Range(0, Steps).Sum(i => (long)i) + Enumerable.Range(0, 10).Sum(i => (long)i * i) + 1000;

    private static readonly Lock MarkerGate = new();

    public static DurableTaskRegistry Register(DurableTaskRegistry registry, string markerPath, int holdAt) => registry
        .AddActivityFunc<int, int>("Step", async (ctx, i) =>
        {
            await MarkAsync(markerPath, $"step {i} {ctx.IdempotencyKey}", holdAt);
            return i;
        })
        .AddActivityFunc<int, int>("Square", async (ctx, i) =>
        {
            await MarkAsync(markerPath, $"square {i} {ctx.IdempotencyKey}", holdAt);
            return i * i;
        })
        .AddOrchestratorFunc<int, int>("CrashChild", async (ctx, n) =>
        {
            await ctx.CallActivityAsync<int>("Step", n);
            return 1000;
        })
        .AddOrchestratorFunc<int, long>(Name, async (ctx, steps) =>
        {
            long total = 0;
            for (var i = 0; i < steps; i++)
            {
                total += await ctx.CallActivityAsync<int>("Step", i);
                if (i == steps / 3)
                    total += (await Task.WhenAll(Enumerable.Range(0, 10).Select(n => ctx.CallActivityAsync<int>("Square", n)))).Sum();
                if (i == steps / 2)
                    await ctx.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None);
                if (i == 2 * steps / 3)
                    total += await ctx.CallSubOrchestratorAsync<int>("CrashChild", -1);
            }
            return total;
        });

    private static async Task MarkAsync(string markerPath, string line, int holdAt)
    {
        int lines;
        lock (MarkerGate)
        {
            File.AppendAllText(markerPath, line + "\n");
            lines = File.ReadAllLines(markerPath).Length;
        }
        if (holdAt > 0 && lines >= holdAt) await Task.Delay(Timeout.Infinite);
        await Task.Delay(10);
    }
}
