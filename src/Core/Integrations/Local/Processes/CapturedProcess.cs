namespace Serverless.Core.Integrations.Local.Processes;

internal sealed record CapturedOutput(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);

/// <summary>Runs a short command (git) to completion and captures its output, killing it on timeout or cancel.</summary>
internal static class CapturedProcess
{
    public static async Task<CapturedOutput> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        using var child = ChildProcess.Start(fileName, arguments, workingDirectory, environment);
        var stdout = child.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = child.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var timedOut = false;
        try
        {
            await child.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        child.Kill();
        return new CapturedOutput(child.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), timedOut);
    }
}
