namespace Serverless.Core.Integrations.Local.Target;

public sealed partial class LocalTarget
{
    /// <summary>
    /// Undoes the last change: a candidate (blue-green idle slot or canary) is stopped and the live version keeps
    /// all traffic; otherwise traffic switches back to the previous version (restarted first if it had exited)
    /// and the failed one is stopped. With nothing to undo it changes nothing, so compensation may run twice.
    /// </summary>
    /// <exception cref="InvalidOperationException">The previous version had exited and did not become healthy again.</exception>
    public async Task<RollbackResult> RollbackAsync(string environment, string service, CancellationToken cancellationToken = default)
    {
        var name = EnvironmentName(environment, nameof(environment));
        DeploymentNames.Validate(service, "Service", nameof(service));
        ThrowIfDisposed();
        if (!_services.TryGetValue((name, service), out var slots))
        {
            return new RollbackResult(RollbackOutcome.NothingToRollBack, name, service, null, null, $"{service} was never deployed to {name}.");
        }

        await slots.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var router = await EnsureRouterAsync(name, cancellationToken).ConfigureAwait(false);
            if (slots.Candidate is { } candidate)
            {
                slots.Candidate = null;
                slots.CandidatePercent = 0;
                ApplyRoute(slots, router);
                CommitAndSave(slots);
                await RetireAsync(candidate).ConfigureAwait(false);
                _logger.RolledBack(name, service, candidate.Version, slots.Live?.Version);
                return new RollbackResult(RollbackOutcome.CandidateStopped, name, service, slots.Live?.Version, candidate.Version, $"Stopped candidate {candidate.Version}; {slots.Live?.Version ?? "nothing"} keeps all traffic in {name}.");
            }

            if (slots.Previous is not { } previous)
            {
                return new RollbackResult(RollbackOutcome.NothingToRollBack, name, service, slots.Live?.Version, null, $"{service} has no earlier version to roll back to in {name}.");
            }

            if (!previous.IsRunning)
            {
                previous = await RestartAsync(slots, previous, cancellationToken).ConfigureAwait(false);
            }

            var failed = slots.Live;
            slots.Live = previous;
            slots.Previous = null;
            slots.Since = _timeProvider.GetUtcNow();
            ApplyRoute(slots, router);
            CommitAndSave(slots);
            if (failed is not null)
            {
                await RetireAsync(failed).ConfigureAwait(false);
            }

            _logger.RolledBack(name, service, failed?.Version, previous.Version);
            return new RollbackResult(RollbackOutcome.RolledBack, name, service, previous.Version, failed?.Version, $"Rolled {service} in {name} back to {previous.Version}; stopped {failed?.Version ?? "nothing"}.");
        }
        finally
        {
            slots.Gate.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="candidatePercent"/> percent of the traffic to the candidate and the rest to the live
    /// version (canary steps); 0 sends it all back to the live version.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no live version or no candidate.</exception>
    public async Task SetTrafficAsync(string environment, string service, int candidatePercent, CancellationToken cancellationToken = default)
    {
        var name = EnvironmentName(environment, nameof(environment));
        ArgumentOutOfRangeException.ThrowIfNegative(candidatePercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(candidatePercent, 100);
        ThrowIfDisposed();
        if (!_services.TryGetValue((name, service), out var slots))
        {
            throw new InvalidOperationException($"{service} was never deployed to {name}.");
        }

        await slots.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slots.Live is null || slots.Candidate is null)
            {
                throw new InvalidOperationException($"{service} in {name} needs a live version and a candidate to split traffic.");
            }

            var router = await EnsureRouterAsync(name, cancellationToken).ConfigureAwait(false);
            slots.CandidatePercent = candidatePercent;
            ApplyRoute(slots, router);
            CommitAndSave(slots);
        }
        finally
        {
            slots.Gate.Release();
        }
    }

    /// <summary>Stops a version kept for rollback or running as the candidate; false when no such version runs.</summary>
    /// <exception cref="InvalidOperationException">The version is live: roll back or deploy another one instead.</exception>
    public async Task<bool> StopVersionAsync(string environment, string service, string version, CancellationToken cancellationToken = default)
    {
        var name = EnvironmentName(environment, nameof(environment));
        ThrowIfDisposed();
        if (!_services.TryGetValue((name, service), out var slots))
        {
            return false;
        }

        await slots.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (slots.Live?.Version == version)
            {
                throw new InvalidOperationException($"{version} is live in {name}; roll back or deploy another version before stopping it.");
            }

            var instance = slots.Previous?.Version == version ? slots.Previous : slots.Candidate?.Version == version ? slots.Candidate : null;
            if (instance is null)
            {
                return false;
            }

            if (instance == slots.Previous)
            {
                slots.Previous = null;
            }
            else
            {
                slots.Candidate = null;
                slots.CandidatePercent = 0;
                ApplyRoute(slots, await EnsureRouterAsync(name, cancellationToken).ConfigureAwait(false));
            }

            CommitAndSave(slots);
            await RetireAsync(instance).ConfigureAwait(false);
            return true;
        }
        finally
        {
            slots.Gate.Release();
        }
    }

    /// <summary>Starts a version that exited again from its release folder, on a fresh port, and waits for its health.</summary>
    private async Task<ServiceInstance> RestartAsync(ServiceSlots slots, ServiceInstance exited, CancellationToken cancellationToken)
    {
        await exited.StopAsync(_stopGracePeriod, _timeProvider).ConfigureAwait(false);
        var stored = exited.Stored with { InstanceId = Guid.NewGuid().ToString("N"), Port = FreePorts.Next(), StartedAt = _timeProvider.GetUtcNow() };
        var restarted = ServiceInstance.Start(stored, slots.Environment, slots.Service, _inheritedEnvironment, _artifacts, _timeProvider);
        var health = await HealthProbe.WaitAsync(_probeClient, restarted, _healthPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        if (!health.Healthy)
        {
            await restarted.StopAsync(_stopGracePeriod, _timeProvider).ConfigureAwait(false);
            throw new InvalidOperationException($"Cannot roll {slots.Service} in {slots.Environment} back: {health.Detail}");
        }

        if (slots.Previous == exited)
        {
            slots.Previous = restarted;
        }

        return restarted;
    }
}
