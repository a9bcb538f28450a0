using Serverless.Core.Integrations.Local.Routing;

namespace Serverless.Core.Integrations.Local.Target;

public sealed partial class LocalTarget
{
    /// <summary>
    /// Copies the release, starts it with PORT (a free internal port) and VERSION, and waits until its health
    /// endpoint answers the expected status. Healthy: traffic switches to it atomically (or, with
    /// <see cref="DeploymentRequest.ShiftTraffic"/> false, it waits in the idle slot as the candidate) and the
    /// version before stays running for rollback. Unhealthy: it is stopped and traffic stays where it was.
    /// Deploying the version that is already live changes nothing, so a retried activity is harmless.
    /// </summary>
    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = Validate(request);
        ThrowIfDisposed();
        var slots = Slots(environment, request.Service);
        await slots.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var router = await EnsureRouterAsync(environment, cancellationToken).ConfigureAwait(false);
            if (slots.Live is { IsRunning: true } live && live.Version == request.Version)
            {
                return Result(DeploymentOutcome.Live, slots, live, $"{VersionText.Short(request.Version)} is already live in {environment}.");
            }

            if (!request.ShiftTraffic && slots.Candidate is { IsRunning: true } existing && existing.Version == request.Version)
            {
                return Result(DeploymentOutcome.Candidate, slots, existing, $"{VersionText.Short(request.Version)} is already the candidate in {environment}.");
            }

            var reused = new[] { slots.Candidate, slots.Previous }.FirstOrDefault(i => i is { IsRunning: true } && i.Version == request.Version);
            var instance = reused ?? Launch(environment, request, slots.IdleSlot);
            HealthOutcome health;
            try
            {
                health = await HealthProbe.WaitAsync(_probeClient, instance, _healthPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (reused is null)
            {
                await RetireAsync(instance).ConfigureAwait(false);
                throw;
            }

            if (!health.Healthy)
            {
                if (reused is null)
                {
                    await RetireAsync(instance).ConfigureAwait(false);
                }

                _logger.DeploymentUnhealthy(environment, request.Service, request.Version, health.Detail);
                return Result(DeploymentOutcome.Unhealthy, slots, instance, $"{health.Detail} Traffic stays on {VersionText.Short(slots.Live?.Version)}.");
            }

            return request.ShiftTraffic
                ? await GoLiveAsync(slots, router, instance).ConfigureAwait(false)
                : await MakeCandidateAsync(slots, router, instance).ConfigureAwait(false);
        }
        finally
        {
            slots.Gate.Release();
        }
    }

    private async Task<DeploymentResult> GoLiveAsync(ServiceSlots slots, TrafficRouter router, ServiceInstance instance)
    {
        var keep = slots.Live is { IsRunning: true } oldLive ? oldLive : slots.Previous;
        keep = keep == instance ? null : keep;
        var retired = slots.All.Where(i => i != instance && i != keep).ToList();
        slots.Live = instance;
        slots.Previous = keep;
        slots.Candidate = null;
        slots.CandidatePercent = 0;
        slots.Since = _timeProvider.GetUtcNow();
        ApplyRoute(slots, router);
        CommitAndSave(slots);
        foreach (var old in retired)
        {
            await RetireAsync(old).ConfigureAwait(false);
        }

        _logger.VersionLive(slots.Environment, slots.Service, instance.Version, instance.Port, keep?.Version);
        return Result(DeploymentOutcome.Live, slots, instance, $"{VersionText.Short(instance.Version)} is live in {slots.Environment} on port {router.Port}.");
    }

    private async Task<DeploymentResult> MakeCandidateAsync(ServiceSlots slots, TrafficRouter router, ServiceInstance instance)
    {
        var retired = slots.All.Where(i => i != instance && i != slots.Live).ToList();
        slots.Candidate = instance;
        slots.Previous = null;
        slots.CandidatePercent = 0;
        ApplyRoute(slots, router);
        CommitAndSave(slots);
        foreach (var old in retired)
        {
            await RetireAsync(old).ConfigureAwait(false);
        }

        _logger.VersionCandidate(slots.Environment, slots.Service, instance.Version, instance.Port);
        return Result(DeploymentOutcome.Candidate, slots, instance, $"{VersionText.Short(instance.Version)} runs as the candidate in {slots.Environment}'s {instance.Stored.Slot} slot, without traffic.");
    }

    private ServiceInstance Launch(string environment, DeploymentRequest request, string slot)
    {
        var instanceId = Guid.NewGuid().ToString("N");
        var release = _releases.Copy(request.ReleaseDirectory, environment, request.Service, request.Version, instanceId);
        var stored = new StoredVersion
        {
            Version = request.Version,
            InstanceId = instanceId,
            Slot = slot,
            Port = FreePorts.Next(),
            ReleaseDirectory = release,
            RunCommand = request.RunCommand,
            HealthPath = request.HealthPath,
            ExpectedStatus = request.ExpectedStatus,
            HealthTimeout = request.HealthTimeout,
            Variables = new Dictionary<string, string>(request.Variables),
            LogName = LogNameFor(environment, request.Service, request.Version),
            StartedAt = _timeProvider.GetUtcNow(),
        };
        try
        {
            return ServiceInstance.Start(stored, environment, request.Service, _inheritedEnvironment, _artifacts, _timeProvider);
        }
        catch
        {
            _releases.Delete(release);
            throw;
        }
    }

    private DeploymentResult Result(DeploymentOutcome outcome, ServiceSlots slots, ServiceInstance instance, string message) => new()
    {
        Outcome = outcome,
        Environment = slots.Environment,
        Service = slots.Service,
        Version = instance.Version,
        PublicPort = GetPublicPort(slots.Environment),
        InternalPort = outcome == DeploymentOutcome.Unhealthy ? null : instance.Port,
        PreviousVersion = outcome == DeploymentOutcome.Live ? slots.Previous?.Version : slots.Live?.Version,
        Message = message,
        LogName = instance.Stored.LogName,
        LogTail = instance.Tail,
    };

    private string Validate(DeploymentRequest request)
    {
        var environment = EnvironmentName(request.Environment, nameof(request));
        DeploymentNames.Validate(request.Service, "Service", nameof(request));
        DeploymentNames.Validate(request.Version, "Version", nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ReleaseDirectory, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RunCommand, nameof(request));
        if (string.IsNullOrEmpty(request.HealthPath) || request.HealthPath[0] != '/')
        {
            throw new ArgumentException($"The health path must start with '/' (was '{request.HealthPath}').", nameof(request));
        }

        if (request.HealthTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The health timeout must be positive (was {request.HealthTimeout}).", nameof(request));
        }

        if (request.ExpectedStatus is < 100 or > 599)
        {
            throw new ArgumentException($"The expected health status must be an HTTP status code (was {request.ExpectedStatus}).", nameof(request));
        }

        return environment;
    }
}
