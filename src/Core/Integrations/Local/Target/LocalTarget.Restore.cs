namespace Serverless.Core.Integrations.Local.Target;

public sealed partial class LocalTarget
{
    /// <summary>
    /// On host start: starts again every live, previous and candidate version recorded in state.json from its
    /// release folder (ending first any process a crashed host left running), waits for their health, and binds
    /// the environments' public ports with the recorded routes. Runs once; later calls do nothing.
    /// </summary>
    /// <exception cref="InvalidDataException">state.json is unreadable.</exception>
    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }

        var restored = new List<ServiceSlots>();
        foreach (var stored in _stateFile.Load().Services)
        {
            if (!DeploymentNames.IsValid(stored.Service) || !_ports.ContainsKey(stored.Environment))
            {
                _logger.RestoreSkipped(stored.Environment, stored.Service, "the environment has no public port any more");
                continue;
            }

            var slots = Slots(stored.Environment, stored.Service);
            await slots.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (slots.All.Any())
                {
                    continue;
                }

                slots.Live = Relaunch(stored, stored.Live);
                slots.Previous = Relaunch(stored, stored.Previous);
                slots.Candidate = Relaunch(stored, stored.Candidate);
                slots.CandidatePercent = slots.Candidate is null ? 0 : stored.CandidatePercent;
                slots.Since = stored.Since;
                restored.Add(slots);
            }
            finally
            {
                slots.Gate.Release();
            }
        }

        await Task.WhenAll(restored.SelectMany(slots => slots.All).Select(async instance =>
        {
            var health = await HealthProbe.WaitAsync(_probeClient, instance, _healthPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            if (!health.Healthy)
            {
                _logger.RestoredUnhealthy(instance.Version, health.Detail);
            }
        })).ConfigureAwait(false);

        foreach (var slots in restored)
        {
            ApplyRoute(slots, await EnsureRouterAsync(slots.Environment, cancellationToken).ConfigureAwait(false));
            CommitAndSave(slots);
            _logger.Restored(slots.Environment, slots.Service, slots.Live?.Version, slots.Previous?.Version ?? slots.Candidate?.Version);
        }
    }

    private ServiceInstance? Relaunch(StoredService service, StoredVersion? version)
    {
        if (version is null)
        {
            return null;
        }

        if (OrphanProcesses.TryKill(version))
        {
            _logger.OrphanKilled(version.Version, version.ProcessGroupId ?? 0);
        }

        if (!Directory.Exists(version.ReleaseDirectory))
        {
            _logger.RestoreSkipped(service.Environment, service.Service, $"the release folder of {version.Version} is gone");
            return null;
        }

        var port = FreePorts.TryReuse(version.Port) ? version.Port : FreePorts.Next();
        var relaunched = version with { Port = port, ProcessGroupId = null, StartedAt = _timeProvider.GetUtcNow() };
        return ServiceInstance.Start(relaunched, service.Environment, service.Service, _inheritedEnvironment, _artifacts, _timeProvider);
    }
}
