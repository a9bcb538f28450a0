using System.Diagnostics;
using System.Text;
using Serverless.Functions.Tests.Support;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>The real function app as a child process (what <c>dotnet run --project src/Functions</c> starts).</summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FunctionsHostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<FunctionsHostProcess> StartAsync(int port, IReadOnlyDictionary<string, string> settings)
    {
        var host = new FunctionsHostProcess(Process.Start(StartInfo(port, settings)) ?? throw new InvalidOperationException("Could not start the function app."), port);
        var exited = host._process.WaitForExitAsync();
        if (await Task.WhenAny(host._listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(1))) != host._listening.Task)
            throw new InvalidOperationException($"The function app did not start listening:\n{host.Output}");
        return host;
    }

    /// <summary>Runs the function app expecting it to stop by itself (a refused setting); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(int port, IReadOnlyDictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(port, settings)) ?? throw new InvalidOperationException("Could not start the function app.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The function app did not stop by itself:\n{await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo StartInfo(int port, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Serverless.Functions.dll"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString());
        foreach (var (name, value) in TestHostDefaults.With(settings)) start.Environment[name] = value;
        return start;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Host listening on", StringComparison.Ordinal)) _listening.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
