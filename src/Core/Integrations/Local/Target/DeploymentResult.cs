using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.Local.Target;

[JsonConverter(typeof(JsonStringEnumConverter<DeploymentOutcome>))]
public enum DeploymentOutcome
{
    /// <summary>The version is healthy and takes all traffic.</summary>
    Live,

    /// <summary>The version is healthy and runs in the idle slot without traffic (<see cref="DeploymentRequest.ShiftTraffic"/> false).</summary>
    Candidate,

    /// <summary>The version did not become healthy (or exited); it was stopped and traffic did not move.</summary>
    Unhealthy,
}

public sealed record DeploymentResult
{
    public required DeploymentOutcome Outcome { get; init; }

    public required string Environment { get; init; }

    public required string Service { get; init; }

    public required string Version { get; init; }

    /// <summary>The environment's port on 127.0.0.1.</summary>
    public required int PublicPort { get; init; }

    /// <summary>The port the version listens on; null when it did not stay up.</summary>
    public int? InternalPort { get; init; }

    /// <summary>The version that served before and is kept running for rollback, when there is one.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>What happened, for people (and for the run's failure reason).</summary>
    public required string Message { get; init; }

    /// <summary>The artifact that receives the version's output.</summary>
    public required string LogName { get; init; }

    /// <summary>The last lines the version printed (the reason it is unhealthy, usually).</summary>
    public IReadOnlyList<string> LogTail { get; init; } = [];

    public bool Succeeded => Outcome != DeploymentOutcome.Unhealthy;
}
