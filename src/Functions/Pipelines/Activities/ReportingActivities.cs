using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Integrations.Slack;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines.Activities;

/// <summary>
/// Tells GitHub and Slack how a run is going. Without GITHUB_TOKEN (or a Slack webhook) they log and do nothing, so
/// the product runs locally with no accounts.
/// </summary>
public sealed class ReportingActivities(
    IGitHubCommitStatuses statuses,
    IGitHubDeployments deployments,
    GitHubApiOptions gitHub,
    ISlackWebhookClient slack,
    IConfiguration configuration,
    PipelineSettings settings,
    ILogger<ReportingActivities> logger)
{
    [Function(nameof(ReportCommitStatus))]
    public async Task<bool> ReportCommitStatus([ActivityTrigger] CommitStatusInput input, CancellationToken cancellationToken)
    {
        if (!gitHub.HasToken) return false;
        try
        {
            await statuses.CreateCommitStatusAsync(input.Run.Owner, input.Run.Name, input.Run.CommitSha, input.State,
                $"pipelines/{input.Context}", input.Description, settings.RunPageUrl(input.Run.RunId).ToString(), cancellationToken);
        }
        catch (GitHubApiException ex)
        {
            // A status GitHub refuses (a token without the permission, say) must not fail the deployment itself.
            logger.LogWarning("GitHub refused the {Context} status for run {RunId}: {Status} {Message}", input.Context, input.Run.RunId, (int)ex.StatusCode, ex.Message);
            return false;
        }
        return true;
    }

    /// <summary>Creates the GitHub deployment (once per run and environment) or adds a status to it.</summary>
    [Function(nameof(RecordDeployment))]
    public async Task<long?> RecordDeployment([ActivityTrigger] DeploymentRecordInput input, CancellationToken cancellationToken)
    {
        if (!gitHub.HasToken) return null;
        var run = input.Run;
        var id = input.DeploymentId ?? await deployments.CreateDeploymentAsync(run.Owner, run.Name, run.CommitSha, input.Environment,
            $"{run.ShortSha} to {input.Environment}", new { runId = run.RunId }, transientEnvironment: false,
            productionEnvironment: input.Environment.Equals("production", StringComparison.OrdinalIgnoreCase), cancellationToken);
        await deployments.CreateDeploymentStatusAsync(run.Owner, run.Name, id, input.State,
            input.EnvironmentUrl, settings.RunPageUrl(run.RunId).ToString(), input.Description, cancellationToken);
        return id;
    }

    [Function(nameof(NotifySlack))]
    public async Task<bool> NotifySlack([ActivityTrigger] NotificationInput input, CancellationToken cancellationToken)
    {
        if (ResolveSetting(input.SlackSetting ?? $"%{SlackSetting}%") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var webhook))
        {
            logger.LogInformation("No Slack webhook configured; run {RunId} is not announced", input.Run.RunId);
            return false;
        }
        var run = input.Run;
        var notification = new PipelineNotification
        {
            Repository = run.Repository,
            Branch = run.Branch,
            CommitSha = run.CommitSha,
            CommitMessage = run.CommitMessage ?? "",
            Author = run.Author ?? run.Pusher ?? "unknown",
            Environment = input.Environment,
            Duration = input.Duration,
            RunUrl = settings.RunPageUrl(run.RunId),
            RunId = run.RunId,
        };
        var message = input.Succeeded ? PipelineSlackMessages.Succeeded(notification) : PipelineSlackMessages.Failed(notification, input.Reason ?? "failed");
        await slack.PostAsync(webhook, message, cancellationToken);
        return true;
    }

    public const string SlackSetting = "SLACK_WEBHOOK_URL";

    /// <summary>pipeline.yml may name a setting as <c>%NAME%</c>; a literal URL is used as it is.</summary>
    private string? ResolveSetting(string value) =>
        value is ['%', .. var name, '%'] ? configuration[name] is { Length: > 0 } resolved ? resolved : null : value;
}
