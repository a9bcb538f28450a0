using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Core.Integrations.PagerDuty;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Operations.Health;

/// <summary>What a health check runs against: the deployed services, and the grace period the decision uses.</summary>
public sealed record HealthPlan(IReadOnlyList<HealthTarget> Targets, TimeSpan RollbackGrace);

public sealed class HealthActivities(
    LocalTarget target,
    IArtifactStore artifacts,
    HealthSettings settings,
    IHttpClientFactory httpClients,
    IPagerDutyClient pagerDuty,
    SlackChannel slackChannel,
    ILogger<HealthActivities> logger)
{
    public const string ProbeClientName = "health-probe";

    [Function(nameof(PlanHealthCheck))]
    public HealthPlan PlanHealthCheck([ActivityTrigger] string instanceId)
    {
        var targets = target.GetState().Environments
            .SelectMany(e => e.Services.Where(s => s.Live is not null).Select(s => new HealthTarget(
                e.Environment, s.Service, s.Live!.Version,
                string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{e.PublicPort}/{s.Service}{settings.Path}"),
                settings.IsCritical(e.Environment, s.Service))))
            .ToArray();
        return new HealthPlan(targets, settings.RollbackGrace);
    }

    [Function(nameof(ProbeService))]
    public async Task<ProbeResult> ProbeService([ActivityTrigger] HealthTarget service, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(ProbeClientName).GetAsync(service.Url, timeout.Token);
            var status = (int)response.StatusCode;
            var healthy = status == HealthSettings.ExpectedStatus;
            return new ProbeResult(service.Environment, service.Service, service.Version, healthy, status,
                healthy ? "healthy" : $"{settings.Path} answered {status}, expected {HealthSettings.ExpectedStatus}");
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var detail = e is OperationCanceledException ? $"no answer from {settings.Path} within {settings.Timeout}" : $"{settings.Path} unreachable: {e.Message}";
            return new ProbeResult(service.Environment, service.Service, service.Version, false, null, detail);
        }
    }

    [Function(nameof(LoadHealthState))]
    public Task<HealthState> LoadHealthState([ActivityTrigger] string instanceId, CancellationToken cancellationToken) =>
        HealthStateStore.LoadAsync(artifacts, cancellationToken);

    [Function(nameof(SaveHealthState))]
    public Task SaveHealthState([ActivityTrigger] HealthState state, CancellationToken cancellationToken) =>
        HealthStateStore.SaveAsync(artifacts, state, cancellationToken);

    /// <summary>Alerts on a change, or rolls back a critical service that stayed down; returns what was done.</summary>
    [Function(nameof(ActOnHealthChange))]
    public async Task<string> ActOnHealthChange([ActivityTrigger] HealthAction action, CancellationToken cancellationToken)
    {
        var where = $"{action.Service} in {action.Environment}";
        switch (action.Kind)
        {
            case HealthActionKind.WentDown:
                await PageAsync(PagerDutyEvent.Trigger(action.DedupKey, $"{where} is unhealthy: {action.Detail}", $"pipelines/{action.Environment}/{action.Service}"), cancellationToken);
                return await PostAsync($":red_circle: {where} is unhealthy: {action.Detail}", cancellationToken);
            case HealthActionKind.Recovered:
                await PageAsync(PagerDutyEvent.Resolve(action.DedupKey), cancellationToken);
                var text = action.AllHealthy ? $":large_green_circle: {where} recovered. All systems healthy." : $":large_green_circle: {where} recovered.";
                return await PostAsync(text, cancellationToken);
            default:
                var rollback = await target.RollbackAsync(action.Environment, action.Service, cancellationToken);
                logger.HealthRollback(action.Environment, action.Service, rollback.Outcome.ToString(), rollback.Message);
                return await PostAsync($":rewind: {where} was down past the grace period; automatic rollback: {rollback.Message}", cancellationToken);
        }
    }

    private async Task PageAsync(PagerDutyEvent alert, CancellationToken cancellationToken)
    {
        try
        {
            await pagerDuty.SendAsync(alert, cancellationToken);
        }
        catch (Exception e) when (e is PagerDutyException or HttpRequestException)
        {
            logger.HealthNotificationFailed("PagerDuty", e.Message);
        }
    }

    private async Task<string> PostAsync(string text, CancellationToken cancellationToken)
    {
        await slackChannel.PostAsync(text, cancellationToken);
        return text;
    }
}
