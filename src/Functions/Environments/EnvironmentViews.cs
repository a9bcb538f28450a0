using Serverless.Core.Integrations.Local.Target;
using Serverless.Core.Pipelines;
using Serverless.Functions.Operations.Health;
using Serverless.Functions.Runs;

namespace Serverless.Functions.Environments;

/// <summary>An environment as the environments API shows it: what runs where, who put it there, and how healthy it is.</summary>
/// <param name="Strategy">rolling, blue-green or canary, as pipeline.yml spells it; null before any run deployed here.</param>
public sealed record EnvironmentView(string Name, string Url, string? Strategy, IReadOnlyList<ServiceView> Services);

public sealed record ServiceView(string Service, VersionView? Live, VersionView? Previous, VersionView? Candidate, int CandidatePercent, ServiceHealthView Health);

/// <param name="Since">When the live version went live; when the others started.</param>
public sealed record VersionView(string Version, string Slot, DateTimeOffset Since, bool Running, string? RunId, string? Author, string? Pusher, string? Message);

public sealed record ServiceHealthView(string Status, DateTime? LastChecked, DateTime? FailingSince);

/// <summary>The newest run that deployed a version to an environment, as far as the run history still holds it.</summary>
public sealed record DeploymentOrigin(string Environment, string Version, RunSummary Run, string? Pusher, DeploymentStrategy? Strategy);

public static class EnvironmentViews
{
    /// <summary>Environments are listed in the order changes usually travel; others follow by name.</summary>
    private static readonly string[] PromotionOrder = ["dev", "development", "test", "qa", "staging", "preprod", "production", "prod"];

    public static IReadOnlyList<EnvironmentView> Build(TargetState target, IReadOnlyList<DeploymentOrigin> origins, HealthState health) =>
        target.Environments
        .OrderBy(e => Array.IndexOf(PromotionOrder, e.Environment.ToLowerInvariant()) is var rank and >= 0 ? rank : PromotionOrder.Length)
        .ThenBy(e => e.Environment, StringComparer.Ordinal)
        .Select(environment =>
        {
            var fromRuns = origins.Where(o => o.Environment.Equals(environment.Environment, StringComparison.OrdinalIgnoreCase)).ToList();
            var strategy = fromRuns.OrderByDescending(o => o.Run.CreatedAt).Select(o => o.Strategy).FirstOrDefault(s => s is not null);
            return new EnvironmentView(environment.Environment, $"http://127.0.0.1:{environment.PublicPort}/", strategy?.ToPipelineName(),
                [.. environment.Services.Select(service => new ServiceView(
                    service.Service,
                    Version(service.Live, service.Since, fromRuns),
                    Version(service.Previous, null, fromRuns),
                    Version(service.Candidate, null, fromRuns),
                    service.CandidatePercent,
                    Health(health, environment.Environment, service.Service, service.Live?.Version)))]);
        }).ToList();

    private static VersionView? Version(VersionState? version, DateTimeOffset? since, IReadOnlyList<DeploymentOrigin> origins)
    {
        if (version is null) return null;
        var origin = origins.FirstOrDefault(o => o.Version == version.Version);
        return new VersionView(version.Version, version.Slot, since ?? version.StartedAt, version.Running,
            origin?.Run.Id, origin?.Run.Author, origin?.Pusher, origin?.Run.Message);
    }

    /// <summary>The monitor's verdict, when its last check was of the version live now; "unknown" until then.</summary>
    private static ServiceHealthView Health(HealthState health, string environment, string service, string? liveVersion)
    {
        if (!health.Services.TryGetValue(HealthState.KeyOf(environment, service), out var known)) return new ServiceHealthView("unknown", null, null);
        var current = known.History.Count > 0 && known.History[^1].Version == liveVersion;
        return new ServiceHealthView(current ? (known.Healthy ? "healthy" : "unhealthy") : "unknown", known.LastChecked, current ? known.FailingSince : null);
    }
}
