namespace Serverless.Functions.Operations.Health;

/// <summary>
/// The monitor's state machine, pure: given what was known and what a check found, the new state and the effects.
/// Only changes act — a service that stays down alerts once; a critical one still down
/// <see cref="HealthSettings.RollbackGrace"/> after its first failing check is rolled back once.
/// </summary>
public static class HealthDecisions
{
    public static HealthCheckOutcome Apply(HealthState state, IReadOnlyList<ProbeResult> results, IReadOnlyDictionary<string, bool> critical, DateTime now, TimeSpan grace)
    {
        var services = new Dictionary<string, ServiceHealth>(StringComparer.Ordinal);
        var actions = new List<HealthAction>();
        foreach (var result in results)
        {
            var before = state.Services.GetValueOrDefault(result.Key);
            var sample = new HealthSample(now, result.Healthy, result.StatusCode, result.Detail, result.Version);
            var history = (before?.History ?? []).Append(sample).TakeLast(HealthState.HistoryLength).ToArray();
            var after = (before ?? new ServiceHealth { Environment = result.Environment, Service = result.Service }) with { LastChecked = now, History = history };
            var wasHealthy = before?.Healthy ?? true;

            if (result.Healthy)
            {
                if (!wasHealthy) actions.Add(new HealthAction(HealthActionKind.Recovered, result.Environment, result.Service, result.Detail));
                after = after with { Healthy = true, FailingSince = null, RolledBack = false };
            }
            else if (wasHealthy)
            {
                actions.Add(new HealthAction(HealthActionKind.WentDown, result.Environment, result.Service, result.Detail));
                after = after with { Healthy = false, FailingSince = now, RolledBack = false };
            }
            else if (!after.RolledBack && critical.GetValueOrDefault(result.Key, true) && now - (after.FailingSince ?? now) >= grace)
            {
                actions.Add(new HealthAction(HealthActionKind.RollBack, result.Environment, result.Service, result.Detail));
                after = after with { RolledBack = true };
            }
            services[result.Key] = after;
        }

        var allHealthy = services.Values.All(s => s.Healthy);
        var final = actions.Select(a => a.Kind == HealthActionKind.Recovered ? a with { AllHealthy = allHealthy } : a).ToArray();
        return new HealthCheckOutcome(new HealthState { LastCheck = now, Services = services }, final);
    }
}
