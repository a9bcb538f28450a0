using System.Net;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Webhooks;

namespace Serverless.Functions.Tests.Webhooks;

/// <summary>How the webhook answers under each of its settings; every test starts its own app.</summary>
public sealed class GitHubWebhookSetupTests
{
    private static readonly byte[] Push = WebhookCorpus.Read("push/with-new-branch.payload.json");

    [Fact]
    public async Task Without_a_secret_the_webhook_is_unavailable_and_says_which_setting_is_missing()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string> { [WebhookSettings.SecretSetting] = "" });

        var answer = await app.SendAsync(WebhookDeliveries.Signed("push", Push));

        GitHubWebhookRefusalTests.AssertProblem(answer, HttpStatusCode.ServiceUnavailable, field: null);
        Assert.Contains(WebhookSettings.SecretSetting, answer.Text("detail"));
    }

    [Fact]
    public async Task A_push_for_a_repository_that_is_not_allowlisted_is_ignored_naming_the_setting()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string> { [RepositorySettings.SettingName] = "acme/other=file:///nowhere" });
        var delivery = WebhookDeliveries.NewDeliveryId();

        var answer = await app.SendAsync(WebhookDeliveries.Signed("push", Push, delivery));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("ignored", answer.Text("action"));
        Assert.Contains(WebhookCorpus.Repository, answer.Text("reason"));
        Assert.Contains(RepositorySettings.SettingName, answer.Text("reason"));
        Assert.False(await app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_whether_or_not_its_length_is_announced()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string> { [WebhookSettings.MaxBodyBytesSetting] = "4096" });
        var signature = Serverless.Core.Integrations.GitHub.GitHubWebhookSignature.Compute(FunctionsApp.Secret, Push);

        var announced = await app.SendAsync(WebhookDeliveries.Create("push", Push, WebhookDeliveries.NewDeliveryId(), signature));
        var chunked = await app.SendAsync(WebhookDeliveries.Create("push", new StreamContent(new UnknownLengthStream(Push)), WebhookDeliveries.NewDeliveryId(), signature));
        var small = await app.SendAsync(WebhookDeliveries.Signed("ping", WebhookCorpus.Read("ping/with-organization.payload.json")));

        GitHubWebhookRefusalTests.AssertProblem(announced, HttpStatusCode.RequestEntityTooLarge, field: null);
        GitHubWebhookRefusalTests.AssertProblem(chunked, HttpStatusCode.RequestEntityTooLarge, field: null);
        Assert.Contains("4,096", announced.Text("detail"));
        Assert.Equal(HttpStatusCode.OK, small.Status);
    }

    /// <summary>A body HttpClient cannot measure, so it goes out chunked without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
