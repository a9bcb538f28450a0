using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Operations.Health;

/// <summary>
/// One health check: probe every deployed service in parallel, decide what changed, store the new state, then alert,
/// resolve or roll back. State lives in an artifact so each check is a short orchestration.
/// </summary>
public sealed class HealthMonitorOrchestrator
{
    [Function(nameof(HealthMonitorOrchestrator))]
    public async Task<IReadOnlyList<string>> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var plan = await context.CallActivityAsync<HealthPlan>(nameof(HealthActivities.PlanHealthCheck), context.InstanceId);
        var state = await context.CallActivityAsync<HealthState>(nameof(HealthActivities.LoadHealthState), context.InstanceId);
        var results = await Task.WhenAll(plan.Targets.Select(t => context.CallActivityAsync<ProbeResult>(nameof(HealthActivities.ProbeService), t)));
        var critical = plan.Targets.ToDictionary(t => HealthState.KeyOf(t.Environment, t.Service), t => t.Critical);

        var outcome = HealthDecisions.Apply(state, results, critical, context.CurrentUtcDateTime, plan.RollbackGrace);
        await context.CallActivityAsync(nameof(HealthActivities.SaveHealthState), outcome.State);
        var reports = new List<string>();
        foreach (var action in outcome.Actions)
            reports.Add(await context.CallActivityAsync<string>(nameof(HealthActivities.ActOnHealthChange), action));
        context.SetCustomStatus(new { checkedServices = results.Length, unhealthy = results.Count(r => !r.Healthy), actions = reports.Count });
        return reports;
    }
}
