using System.Diagnostics;

namespace Serverless.Core.Integrations.Local.Processes;

/// <summary>
/// A child process started in a process group of its own (through setsid where it exists), so that it and every
/// process it spawns can be signalled together, including grandchildren that outlive their parent.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    private readonly Process _process;
    private readonly bool _ownGroup;

    private ChildProcess(Process process, bool ownGroup)
    {
        _process = process;
        _ownGroup = ownGroup;
    }

    public int Id { get; private set; }

    /// <summary>The process group id to signal; persisted so a later host can end what a crashed one left running.</summary>
    public int? ProcessGroupId => _ownGroup ? Id : null;

    public StreamReader StandardOutput => _process.StandardOutput;

    public StreamReader StandardError => _process.StandardError;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = Setsid ?? fileName,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Setsid is not null)
        {
            startInfo.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.Start();
        var child = new ChildProcess(process, ownGroup: Setsid is not null) { Id = process.Id };
        process.StandardInput.Close();
        return child;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Asks the whole group to stop (SIGTERM), and kills it (SIGKILL) when it has not within <paramref name="gracePeriod"/>.</summary>
    public async Task StopAsync(TimeSpan gracePeriod, TimeProvider timeProvider)
    {
        if (!HasExited)
        {
            Signal(NativeMethods.SigTerm);
            using var grace = new CancellationTokenSource(gracePeriod, timeProvider);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Kill();
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>SIGKILL to the group (leftover background processes too, after the main one exited) and the process tree.</summary>
    public void Kill()
    {
        Signal(NativeMethods.SigKill);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose() => _process.Dispose();

    private void Signal(int signal)
    {
        if (_ownGroup && NativeMethods.SignalGroup(Id, signal))
        {
            return;
        }

        if (!_process.HasExited)
        {
            NativeMethods.SignalProcess(Id, signal);
        }
    }
}
