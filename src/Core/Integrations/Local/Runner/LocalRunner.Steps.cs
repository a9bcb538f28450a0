using System.Globalization;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Processes;

namespace Serverless.Core.Integrations.Local.Runner;

public sealed partial class LocalRunner
{
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <see cref="StepRequest.Command"/> with <c>/bin/sh -c</c>, streaming stdout and stderr into the log
    /// artifact as it runs. When the step times out or <paramref name="cancellationToken"/> fires, the whole
    /// process tree is stopped (SIGTERM, then SIGKILL); processes a finished step left in the background are killed
    /// too. A cancelled step throws <see cref="OperationCanceledException"/>; a failing or timed-out one returns
    /// a result saying so.
    /// </summary>
    public async Task<StepResult> RunStepAsync(StepRequest request, IArtifactStore artifacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(artifacts);
        var workspace = Workspaces.Resolve(request.Workspace, nameof(request));
        var workingDirectory = Workspaces.Inside(workspace, request.WorkingDirectory, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Command, nameof(request));
        ArtifactNames.Validate(request.LogName, nameof(request));
        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The step timeout must be positive (was {request.Timeout}).", nameof(request));
        }

        if (!Directory.Exists(workingDirectory))
        {
            throw new DirectoryNotFoundException($"The working directory '{request.WorkingDirectory}' does not exist in the workspace.");
        }

        if (!request.AppendToLog) await artifacts.WriteAsync(request.LogName, string.Empty, cancellationToken).ConfigureAwait(false);
        var pump = new OutputPump(artifacts, request.LogName, _tailLines, request.MaskedValues);
        pump.Note("$ " + request.Command);
        var environment = ChildEnvironment.Build(_inheritedEnvironment, new Dictionary<string, string> { ["CI"] = "true" }, request.Environment);
        var started = _timeProvider.GetTimestamp();
        _logger.StepStarted(request.LogName, request.WorkingDirectory);

        using var child = ChildProcess.Start(_shell, ["-c", request.Command], workingDirectory, environment);
        using var readers = new CancellationTokenSource();
        var reading = Task.WhenAll(pump.PumpAsync(child.StandardOutput, readers.Token), pump.PumpAsync(child.StandardError, readers.Token));
        var timedOut = await WaitAsync(child, request.Timeout, cancellationToken).ConfigureAwait(false);
        child.Kill();
        if (await Task.WhenAny(reading, Task.Delay(OutputDrainLimit, _timeProvider, CancellationToken.None)).ConfigureAwait(false) != reading)
        {
            await readers.CancelAsync().ConfigureAwait(false);
            pump.Note("[output still open after the step ended; stopped reading it]");
        }

        var duration = _timeProvider.GetElapsedTime(started);
        pump.Note(timedOut
            ? string.Create(CultureInfo.InvariantCulture, $"[timed out after {request.Timeout}; process tree killed]")
            : string.Create(CultureInfo.InvariantCulture, $"[exit code {child.ExitCode} after {duration.TotalSeconds:0.###}s]"));
        await pump.CompleteAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        _logger.StepEnded(request.LogName, child.ExitCode, timedOut, duration);
        return new StepResult
        {
            ExitCode = child.ExitCode,
            TimedOut = timedOut,
            Duration = duration,
            LogName = request.LogName,
            Tail = pump.Tail,
        };
    }

    /// <summary>Waits for the step; true when it timed out. On timeout or cancel the tree is stopped before returning.</summary>
    private async Task<bool> WaitAsync(ChildProcess child, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await child.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException)
        {
            await child.StopAsync(_killGracePeriod, _timeProvider).ConfigureAwait(false);
            return !cancellationToken.IsCancellationRequested;
        }
    }
}
