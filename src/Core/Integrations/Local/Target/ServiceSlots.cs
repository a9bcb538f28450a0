namespace Serverless.Core.Integrations.Local.Target;

/// <summary>
/// The running versions of one service in one environment: the live one, and in the other slot either the previous
/// one (kept for rollback) or a candidate (blue-green idle slot, canary). Changed only under <see cref="Gate"/>.
/// </summary>
internal sealed class ServiceSlots(string environment, string service)
{
    public const string Blue = "blue";
    public const string Green = "green";

    public string Environment { get; } = environment;

    public string Service { get; } = service;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public ServiceInstance? Live { get; set; }

    public ServiceInstance? Previous { get; set; }

    public ServiceInstance? Candidate { get; set; }

    public int CandidatePercent { get; set; }

    public DateTimeOffset Since { get; set; }

    /// <summary>The state as of the last completed change, so saving never captures another service half-changed.</summary>
    public StoredService? Committed { get; private set; }

    public void Commit() => Committed = Live is null && Previous is null && Candidate is null ? null : ToStored();

    public string IdleSlot => Live?.Stored.Slot == Blue ? Green : Blue;

    public IEnumerable<ServiceInstance> All => new[] { Live, Previous, Candidate }.OfType<ServiceInstance>();

    public StoredService ToStored() => new()
    {
        Environment = Environment,
        Service = Service,
        Live = Live?.Stored,
        Previous = Previous?.Stored,
        Candidate = Candidate?.Stored,
        CandidatePercent = CandidatePercent,
        Since = Since,
    };

    public ServiceState ToState() => new(Service, View(Live), View(Previous), View(Candidate), CandidatePercent, Since);

    private static VersionState? View(ServiceInstance? instance) => instance is null
        ? null
        : new VersionState(instance.Version, instance.Port, instance.Stored.Slot, instance.Stored.StartedAt, instance.IsRunning, instance.Stored.LogName);
}
