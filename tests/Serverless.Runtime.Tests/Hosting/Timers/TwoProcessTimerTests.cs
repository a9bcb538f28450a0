using System.Diagnostics;
using System.Globalization;

namespace Serverless.Runtime.Tests.Hosting.Timers;

/// <summary>
/// Two real host processes share one SQLite file and run the same every-two-seconds timer on the real clock: each
/// occurrence must be invoked by exactly one of them.
/// </summary>
public sealed class TwoProcessTimerTests : IDisposable
{
    private const int RunSeconds = 12;
    private readonly string _directory = Directory.CreateTempSubdirectory("timer-hosts-").FullName;
    private string DbPath => Path.Combine(_directory, "durable.db");
    private string OutputPath => Path.Combine(_directory, "firings.txt");

    [Fact]
    public async Task Two_hosts_sharing_a_store_invoke_each_occurrence_once()
    {
        using var first = StartHost("worker-a");
        using var second = StartHost("worker-b");
        var outputs = await Task.WhenAll(FinishAsync(first), FinishAsync(second));

        Assert.All(outputs, output => Assert.Contains("STOPPED", output));
        var firings = File.Exists(OutputPath) ? File.ReadAllLines(OutputPath) : [];
        var dueTimes = firings.Select(line => DateTime.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList();
        Assert.True(dueTimes.Count >= RunSeconds / 2 / 2, $"expected several invocations in {RunSeconds} s, got {dueTimes.Count}:\n{string.Join('\n', firings)}");
        Assert.Equal(dueTimes.Count, dueTimes.Distinct().Count());
        Assert.Equal(dueTimes.Order(), dueTimes);
        Assert.All(dueTimes, due => Assert.Equal(0, due.Second % 2));
        Assert.All(dueTimes, due => Assert.Equal(0, due.Millisecond));
    }

    private Process StartHost(string workerId)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Serverless.Runtime.TimerHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { hostDll, DbPath, workerId, OutputPath, RunSeconds.ToString(CultureInfo.InvariantCulture), "*/2 * * * * *" })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the timer host.");
    }

    private static async Task<string> FinishAsync(Process host)
    {
        var stdout = host.StandardOutput.ReadToEndAsync();
        var stderr = host.StandardError.ReadToEndAsync();
        try
        {
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(RunSeconds + 60));
        }
        catch (TimeoutException)
        {
            host.Kill(entireProcessTree: true);
            throw;
        }
        return await stdout + await stderr;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
