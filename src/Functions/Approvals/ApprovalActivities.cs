using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Gates;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Approvals;

public sealed record ApprovalReminder(ApprovalGateInput Gate, string Status);

/// <summary>The approval gate's effects: reading the team setting once per gate and reminding approvers on Slack.</summary>
public sealed class ApprovalActivities(ISlackWebhookClient slack, IConfiguration configuration, PipelineSettings settings, ILogger<ApprovalActivities> logger)
{
    [Function(nameof(ApprovalTeamsSetting))]
    public string? ApprovalTeamsSetting([ActivityTrigger] string runId) => configuration[ApprovalTeams.Setting];

    [Function(nameof(RemindApprovers))]
    public async Task<bool> RemindApprovers([ActivityTrigger] ApprovalReminder reminder, CancellationToken cancellationToken)
    {
        var gate = reminder.Gate;
        if (configuration[ReportingActivities.SlackSetting] is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var webhook))
        {
            logger.LogInformation("No Slack webhook configured; approvers of {RunId} on {Environment} are not reminded", gate.RunId, gate.Environment);
            return false;
        }
        var text = $"{gate.Repository} @ {gate.CommitSha[..Math.Min(7, gate.CommitSha.Length)]} to {gate.Environment}: {reminder.Status}. " +
            $"Approve or reject: POST {settings.PublicBaseUrl}api/approvals/{gate.RunId}/{gate.Environment}";
        await slack.PostAsync(webhook, new SlackMessage(SlackText.EscapeAndFit(text, SlackLimits.SectionText), []), cancellationToken);
        return true;
    }
}
