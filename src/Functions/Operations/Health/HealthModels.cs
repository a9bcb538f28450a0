namespace Serverless.Functions.Operations.Health;

/// <summary>One deployed service to probe: its live version behind the environment's public port.</summary>
public sealed record HealthTarget(string Environment, string Service, string? Version, string Url, bool Critical);

public sealed record ProbeResult(string Environment, string Service, string? Version, bool Healthy, int? StatusCode, string Detail)
{
    public string Key => HealthState.KeyOf(Environment, Service);
}

/// <summary>One check of one service, kept as recent history.</summary>
public sealed record HealthSample(DateTime CheckedAt, bool Healthy, int? StatusCode, string Detail, string? Version);

/// <summary>What the monitor knows about one service between checks.</summary>
public sealed record ServiceHealth
{
    public required string Environment { get; init; }
    public required string Service { get; init; }
    public bool Healthy { get; init; } = true;

    /// <summary>The first failing check of the current outage; null while healthy.</summary>
    public DateTime? FailingSince { get; init; }

    public bool RolledBack { get; init; }
    public DateTime LastChecked { get; init; }
    public IReadOnlyList<HealthSample> History { get; init; } = [];
}

/// <summary>The monitor's durable state, stored as a small JSON artifact between runs.</summary>
public sealed record HealthState
{
    public const string ArtifactName = "operations/health/state.json";
    public const int HistoryLength = 20;

    public DateTime? LastCheck { get; init; }
    public IReadOnlyDictionary<string, ServiceHealth> Services { get; init; } = new Dictionary<string, ServiceHealth>();

    public static string KeyOf(string environment, string service) => $"{environment}/{service}";
}

public enum HealthActionKind
{
    WentDown,
    Recovered,
    RollBack,
}

/// <summary>An effect the decision asks for; <see cref="AllHealthy"/> is set on recoveries that leave nothing failing.</summary>
public sealed record HealthAction(HealthActionKind Kind, string Environment, string Service, string Detail, bool AllHealthy = false)
{
    /// <summary>One PagerDuty alert per service and environment: the trigger and its resolve share it.</summary>
    public string DedupKey => $"pipelines-health/{Environment}/{Service}";
}

public sealed record HealthCheckOutcome(HealthState State, IReadOnlyList<HealthAction> Actions);
