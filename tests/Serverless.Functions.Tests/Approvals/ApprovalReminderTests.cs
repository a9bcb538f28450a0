using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Core.Gates;
using Serverless.Core.Integrations.Slack;
using Serverless.Functions.Approvals;
using Serverless.Functions.Pipelines;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Tests.Approvals;

public sealed class ApprovalReminderTests
{
    private static readonly ApprovalTokens Tokens = new(Encoding.UTF8.GetBytes("reminder-test-signing-key"));

    [Fact]
    public async Task Reminders_carry_signed_links_for_each_approver_but_the_pusher()
    {
        var slack = new CapturingSlack();
        var activities = Activities(slack, UserKeys.None);
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

    [Fact]
    public async Task With_personal_keys_reminders_point_to_the_dashboard_without_links_that_act_for_someone()
    {
        var slack = new CapturingSlack();
        var users = new UserKeys(new Dictionary<string, string> { ["alice"] = "alice-personal-key-0123456789abcdef" }, []);
        var gate = new ApprovalGateInput("run-7", "acme/shop", "abcdef123", "production", "bob", ApprovalGateHarness.Policy(), "release=alice,bob");

        Assert.True(await Activities(slack, users).RemindApprovers(new ApprovalReminder(gate, "Awaiting approval 0/2", ApprovalGateHarness.Start.AddHours(4)), default));

        Assert.Equal("acme/shop @ abcdef1 to production: Awaiting approval 0/2. Approve or reject on the dashboard: https://ci.example/#/approvals (sign in with your personal key)",
            Assert.Single(slack.Messages).Text);
    }

    [Fact]
    public async Task A_Slack_that_is_down_does_not_fail_the_gate()
    {
        var slack = new CapturingSlack { Failure = new SlackWebhookException(System.Net.HttpStatusCode.InternalServerError, "internal_error", "hooks.slack.invalid", null) };
        var gate = new ApprovalGateInput("run-7", "acme/shop", "abcdef123", "production", "bob", ApprovalGateHarness.Policy(), "release=alice,bob");

        Assert.False(await Activities(slack, UserKeys.None).RemindApprovers(new ApprovalReminder(gate, "Awaiting approval 0/2", ApprovalGateHarness.Start.AddHours(4)), default));
    }

    private static ApprovalActivities Activities(ISlackWebhookClient slack, UserKeys users)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SLACK_WEBHOOK_URL"] = "https://hooks.slack.invalid/x" }).Build();
        return new ApprovalActivities(new SlackChannel(slack, configuration, NullLogger<SlackChannel>.Instance), Tokens, configuration,
            new PipelineSettings("w", "r", new Uri("https://ci.example/")), users);
    }

    private sealed class CapturingSlack : ISlackWebhookClient
    {
        public List<SlackMessage> Messages { get; } = [];

        public Exception? Failure { get; init; }

        public Task PostAsync(Uri webhookUrl, SlackMessage message, CancellationToken cancellationToken = default)
        {
            if (Failure is not null) return Task.FromException(Failure);
            Messages.Add(message);
            return Task.CompletedTask;
        }
    }
}
