using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Operations.Health;

/// <summary>The health monitor's triggers: the schedule, an on-demand check, and the current state.</summary>
public sealed class HealthFunctions(DurableTaskClient client, IArtifactStore artifacts, ILogger<HealthFunctions> logger)
{
    /// <summary>One check at a time: two at once would both see the same change and both alert.</summary>
    public const string InstanceId = "health-check";

    [Function("HealthCheckTimer")]
    public async Task Timer([TimerTrigger("%" + HealthSettings.ScheduleSetting + "%", DefaultSchedule = HealthSettings.DefaultSchedule)] TimerInfo timer)
    {
        if (await SingleInstance.TryStartAsync(client, nameof(HealthMonitorOrchestrator), InstanceId))
            logger.HealthCheckStarted(InstanceId, timer.IsPastDue ? "schedule, past due" : "schedule");
        else
            logger.HealthCheckStillRunning(InstanceId);
    }

    [Function("HealthCheckNow")]
    public async Task<IResult> CheckNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "health/check")] HttpRequest request)
    {
        var alreadyRunning = !await SingleInstance.TryStartAsync(client, nameof(HealthMonitorOrchestrator), InstanceId, request.HttpContext.RequestAborted);
        if (!alreadyRunning) logger.HealthCheckStarted(InstanceId, "on demand");
        return SingleInstance.Accepted(InstanceId, alreadyRunning);
    }

    [Function("HealthState")]
    public async Task<IResult> State([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request)
    {
        var state = await HealthStateStore.LoadAsync(artifacts, request.HttpContext.RequestAborted);
        var environments = state.Services.Values
            .GroupBy(s => s.Environment, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new
            {
                environment = g.Key,
                services = g.OrderBy(s => s.Service, StringComparer.Ordinal).Select(s => new
                {
                    service = s.Service,
                    status = s.Healthy ? "healthy" : "unhealthy",
                    failingSince = s.FailingSince,
                    rolledBack = s.RolledBack,
                    lastChecked = s.LastChecked,
                    history = s.History.Reverse().Select(h => new { checkedAt = h.CheckedAt, healthy = h.Healthy, statusCode = h.StatusCode, detail = h.Detail, version = h.Version }),
                }),
            });
        return Results.Ok(new { lastCheck = state.LastCheck, environments });
    }
}
