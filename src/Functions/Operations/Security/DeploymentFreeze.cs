using System.Globalization;

namespace Serverless.Functions.Operations.Security;

/// <summary>
/// A repository's deployment freeze, set by a scan that found exposed secrets. A clean scan lifts it; so does an
/// administrator's override, whose reason is kept.
/// </summary>
public sealed record DeploymentFreeze
{
    public required string Repository { get; init; }
    public required int Secrets { get; init; }
    public required DateTime ScannedAt { get; init; }
    public bool Active { get; init; } = true;
    public DateTime? LiftedAt { get; init; }
    public string? LiftedBy { get; init; }
    public string? Reason { get; init; }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"Deployments of {Repository} are frozen: {Secrets} exposed secret(s) found by the security scan at {ScannedAt:yyyy-MM-dd HH:mm:ss} UTC");
}
