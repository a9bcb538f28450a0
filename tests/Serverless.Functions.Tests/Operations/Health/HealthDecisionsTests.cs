using Serverless.Functions.Operations.Health;

namespace Serverless.Functions.Tests.Operations.Health;

public sealed class HealthDecisionsTests
{
    private static readonly DateTime Start = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
    private static readonly Dictionary<string, bool> Critical = new() { ["dev/web"] = true };

    private static ProbeResult Probe(bool healthy) => new("dev", "web", "v2", healthy, healthy ? 200 : 503, healthy ? "healthy" : "503");

    private static (HealthState State, List<HealthActionKind> Actions) Run(params (bool Healthy, int Minute)[] checks)
    {
        var state = new HealthState();
        var actions = new List<HealthActionKind>();
        foreach (var (healthy, minute) in checks)
        {
            var outcome = HealthDecisions.Apply(state, [Probe(healthy)], Critical, Start.AddMinutes(minute), Grace);
            state = outcome.State;
            actions.AddRange(outcome.Actions.Select(a => a.Kind));
        }
        return (state, actions);
    }

    [Fact]
    public void A_healthy_service_causes_nothing() => Assert.Empty(Run((true, 0), (true, 15)).Actions);

    [Fact]
    public void Staying_down_alerts_once_and_rolls_back_once_after_the_grace_period_from_the_first_failure()
    {
        var (state, actions) = Run((true, 0), (false, 1), (false, 3), (false, 6), (false, 20));

        Assert.Equal([HealthActionKind.WentDown, HealthActionKind.RollBack], actions);
        var web = state.Services["dev/web"];
        Assert.Equal((false, true, Start.AddMinutes(1)), (web.Healthy, web.RolledBack, web.FailingSince!.Value));
    }

    [Fact]
    public void Recovering_resolves_once_and_says_all_is_healthy()
    {
        var state = Run((false, 0), (true, 2)).State;
        var outcome = HealthDecisions.Apply(state, [Probe(true)], Critical, Start.AddMinutes(4), Grace);

        Assert.Empty(outcome.Actions);
        var recovered = HealthDecisions.Apply(Run((false, 0)).State, [Probe(true)], Critical, Start.AddMinutes(1), Grace);
        Assert.True(Assert.Single(recovered.Actions).AllHealthy);
        Assert.Null(recovered.State.Services["dev/web"].FailingSince);
    }

    [Fact]
    public void A_non_critical_service_is_never_rolled_back()
    {
        var state = HealthDecisions.Apply(new HealthState(), [Probe(false)], new Dictionary<string, bool> { ["dev/web"] = false }, Start, Grace).State;
        var later = HealthDecisions.Apply(state, [Probe(false)], new Dictionary<string, bool> { ["dev/web"] = false }, Start.AddHours(1), Grace);

        Assert.Empty(later.Actions);
    }

    [Fact]
    public void History_keeps_the_most_recent_checks()
    {
        var checks = Enumerable.Range(0, 30).Select(i => (true, i)).ToArray();

        var history = Run(checks).State.Services["dev/web"].History;

        Assert.Equal(HealthState.HistoryLength, history.Count);
        Assert.Equal(Start.AddMinutes(29), history[^1].CheckedAt);
    }

    [Fact]
    public void Dedup_keys_are_per_service_and_environment() =>
        Assert.NotEqual(new HealthAction(HealthActionKind.WentDown, "dev", "web", "").DedupKey, new HealthAction(HealthActionKind.WentDown, "staging", "web", "").DedupKey);
}
