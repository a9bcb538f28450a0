using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Core.Gates;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Approvals;
using Serverless.Functions.Pipelines;

namespace Serverless.Functions.Tests.Approvals;

public sealed class ApprovalReminderTests
{
    private static readonly ApprovalTokens Tokens = new(Encoding.UTF8.GetBytes("reminder-test-signing-key"));

    [Fact]
    public async Task Reminders_carry_signed_links_for_each_approver_but_the_pusher()
    {
        var slack = new CapturingSlack();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SLACK_WEBHOOK_URL"] = "https://hooks.slack.invalid/x" }).Build();
        var activities = new ApprovalActivities(slack, Tokens, configuration, new PipelineSettings("w", "r", new Uri("https://ci.example/")), NullLogger<ApprovalActivities>.Instance);
        var gate = new ApprovalGateInput("run-7", "acme/shop", "abcdef123", "production", "bob", ApprovalGateHarness.Policy(), "release=alice,bob");
        var expires = ApprovalGateHarness.Start.AddHours(4);

        Assert.True(await activities.RemindApprovers(new ApprovalReminder(gate, "Awaiting approval 0/2", expires), default));

        var text = Assert.Single(slack.Messages).Text;
        Assert.StartsWith("acme/shop @ abcdef1 to production: Awaiting approval 0/2.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nbob:", text, StringComparison.Ordinal);
        var links = text.Split(' ', '\n').Where(word => word.StartsWith("https://ci.example/api/approvals/run-7/production/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, links.Count);
        var checks = links.Select(link => Tokens.Verify(link.Split('/')[^1], "run-7", "production", ApprovalGateHarness.Start)).ToList();
        Assert.Equal(["alice/Approve", "alice/Reject", "erin/Approve", "erin/Reject"],
            checks.Select(c => $"{c.Link!.Approver}/{c.Link.Choice}").Order());
    }

    private sealed class CapturingSlack : ISlackWebhookClient
    {
        public List<SlackMessage> Messages { get; } = [];

        public Task PostAsync(Uri webhookUrl, SlackMessage message, CancellationToken cancellationToken = default)
        {
            Messages.Add(message);
            return Task.CompletedTask;
        }
    }
}
