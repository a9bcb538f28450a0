namespace Serverless.Core.Integrations.Local.Target;

/// <summary>What the local target runs, as shown to callers; a snapshot, separate from what it stores.</summary>
public sealed record TargetState(IReadOnlyList<EnvironmentState> Environments);

public sealed record EnvironmentState(string Environment, int PublicPort, IReadOnlyList<ServiceState> Services);

/// <param name="CandidatePercent">The share of traffic the candidate receives (canary); 0 without one.</param>
/// <param name="Since">When the live version went live.</param>
public sealed record ServiceState(
    string Service,
    VersionState? Live,
    VersionState? Previous,
    VersionState? Candidate,
    int CandidatePercent,
    DateTimeOffset Since);

/// <param name="Slot">blue or green: the live version holds one, the previous version or the candidate the other.</param>
/// <param name="Running">False when the process has exited on its own.</param>
public sealed record VersionState(string Version, int Port, string Slot, DateTimeOffset StartedAt, bool Running, string LogName);
