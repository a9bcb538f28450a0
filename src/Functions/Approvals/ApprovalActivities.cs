using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serverless.Core.Gates;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Approvals;

public sealed record ApprovalReminder(ApprovalGateInput Gate, string Status, DateTimeOffset ExpiresAt);

/// <summary>The approval gate's effects: reading the team setting once per gate and reminding approvers on Slack.</summary>
public sealed class ApprovalActivities(ISlackWebhookClient slack, ApprovalTokens tokens, IConfiguration configuration, PipelineSettings settings, ILogger<ApprovalActivities> logger)
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
            $"Approve or reject on the dashboard: {settings.PublicBaseUrl}#/approvals" +
            string.Concat(NamedApprovers(gate).Select(user => $"\n{user}: approve {Link(reminder, user, ApprovalChoice.Approve)} reject {Link(reminder, user, ApprovalChoice.Reject)}"));
        await slack.PostAsync(webhook, new SlackMessage(SlackText.EscapeAndFit(text, SlackLimits.SectionText), []), cancellationToken);
        return true;
    }

    /// <summary>Team members are named one by one so each gets links of their own; the pusher gets none.</summary>
    private static IEnumerable<string> NamedApprovers(ApprovalGateInput gate)
    {
        var teams = ApprovalTeams.Parse(gate.Teams);
        return gate.Policy.Users.Concat(gate.Policy.Teams.SelectMany(teams.MembersOf))
            .Where(user => !string.Equals(user, gate.Pusher, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private Uri Link(ApprovalReminder reminder, string user, ApprovalChoice choice)
    {
        var gate = reminder.Gate;
        var token = tokens.Create(new ApprovalLink(user, gate.RunId, gate.Environment, choice, reminder.ExpiresAt));
        return new Uri(settings.PublicBaseUrl, $"api/approvals/{Uri.EscapeDataString(gate.RunId)}/{Uri.EscapeDataString(gate.Environment)}/{token}");
    }
}
