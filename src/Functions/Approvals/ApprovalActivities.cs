using Microsoft.Extensions.Configuration;
using Serverless.Core.Gates;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Pipelines;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Approvals;

public sealed record ApprovalReminder(ApprovalGateInput Gate, string Status, DateTimeOffset ExpiresAt);

/// <summary>
/// The approval gate's effects: reading the team setting once per gate and reminding approvers on Slack. Each named
/// approver gets signed approve/reject links, unless the host has personal keys: a link acts without a key, so in a
/// shared channel anyone could click someone else's.
/// </summary>
public sealed class ApprovalActivities(SlackChannel slack, ApprovalTokens tokens, IConfiguration configuration, PipelineSettings settings, UserKeys users)
{
    [Function(nameof(ApprovalTeamsSetting))]
    public string? ApprovalTeamsSetting([ActivityTrigger] string runId) => configuration[ApprovalTeams.Setting];

    /// <returns>True when Slack took the reminder; a Slack that is down does not fail the gate.</returns>
    [Function(nameof(RemindApprovers))]
    public async Task<bool> RemindApprovers([ActivityTrigger] ApprovalReminder reminder, CancellationToken cancellationToken)
    {
        var gate = reminder.Gate;
        var text = $"{gate.Repository} @ {gate.CommitSha[..Math.Min(7, gate.CommitSha.Length)]} to {gate.Environment}: {reminder.Status}. " +
            $"Approve or reject on the dashboard: {settings.PublicBaseUrl}#/approvals" +
            (users.Any
                ? " (sign in with your personal key)"
                : string.Concat(NamedApprovers(gate).Select(user => $"\n{user}: approve {Link(reminder, user, ApprovalChoice.Approve)} reject {Link(reminder, user, ApprovalChoice.Reject)}")));
        return await slack.PostAsync(SlackText.EscapeAndFit(text, SlackLimits.SectionText), cancellationToken);
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
