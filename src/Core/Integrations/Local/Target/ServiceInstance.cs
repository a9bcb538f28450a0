using System.Globalization;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Processes;

namespace Serverless.Core.Integrations.Local.Target;

/// <summary>One running version: its process (in a process group of its own) and the pump that logs its output.</summary>
internal sealed class ServiceInstance
{
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(5);

    private readonly ChildProcess _child;
    private readonly OutputPump _pump;
    private readonly Task _reading;
    private int _stopped;

    private ServiceInstance(StoredVersion stored, ChildProcess child, OutputPump pump, Task reading)
    {
        Stored = stored;
        _child = child;
        _pump = pump;
        _reading = reading;
    }

    public StoredVersion Stored { get; }

    public string Version => Stored.Version;

    public int Port => Stored.Port;

    public bool IsRunning => Volatile.Read(ref _stopped) == 0 && !_child.HasExited;

    public int? ExitCode => _child.HasExited ? _child.ExitCode : null;

    public IReadOnlyList<string> Tail => _pump.Tail;

    /// <summary>A line of ours in the version's log, between its own output (not part of <see cref="Tail"/>).</summary>
    public void Note(string line) => _pump.Note(line);

    public static ServiceInstance Start(
        StoredVersion version,
        string environment,
        string service,
        IReadOnlyList<string> inheritedEnvironment,
        IArtifactStore artifacts,
        TimeProvider timeProvider)
    {
        var variables = ChildEnvironment.Build(
            inheritedEnvironment,
            version.Variables,
            new Dictionary<string, string>
            {
                ["PORT"] = version.Port.ToString(CultureInfo.InvariantCulture),
                ["VERSION"] = version.Version,
                ["SERVICE_NAME"] = service,
                ["DEPLOY_ENVIRONMENT"] = environment,
                [OrphanProcesses.InstanceVariable] = version.InstanceId,
            });
        var pump = new OutputPump(artifacts, version.LogName, tailLines: 20);
        pump.Note(string.Create(CultureInfo.InvariantCulture, $"--- {timeProvider.GetUtcNow():O} starting {version.Version} on port {version.Port} (instance {version.InstanceId}): {version.RunCommand}"));
        ChildProcess child;
        try
        {
            child = ChildProcess.Start("/bin/sh", ["-c", version.RunCommand], version.ReleaseDirectory, variables);
        }
        catch
        {
            _ = pump.CompleteAsync();
            throw;
        }

        var reading = Task.WhenAll(pump.PumpAsync(child.StandardOutput, CancellationToken.None), pump.PumpAsync(child.StandardError, CancellationToken.None));
        return new ServiceInstance(version with { ProcessGroupId = child.ProcessGroupId }, child, pump, reading);
    }

    /// <summary>SIGTERM to the whole process group, SIGKILL after <paramref name="gracePeriod"/>; idempotent.</summary>
    public async Task StopAsync(TimeSpan gracePeriod, TimeProvider timeProvider)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _child.StopAsync(gracePeriod, timeProvider).ConfigureAwait(false);
        await Task.WhenAny(_reading, Task.Delay(OutputDrainLimit, timeProvider)).ConfigureAwait(false);
        _pump.Note(string.Create(CultureInfo.InvariantCulture, $"--- {timeProvider.GetUtcNow():O} stopped (exit code {_child.ExitCode})"));
        await _pump.CompleteAsync().ConfigureAwait(false);
        _child.Dispose();
    }
}
