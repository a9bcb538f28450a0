using System.Net;
using Serverless.Core.Integrations.GitHub;
using Serverless.Functions.Tests.Support;

namespace Serverless.Functions.Tests.Webhooks;

/// <summary>Deliveries the webhook refuses: what GitHub (or an attacker) would see, and that no run starts.</summary>
public sealed class GitHubWebhookRefusalTests(ConfiguredApp fixture) : IClassFixture<ConfiguredApp>
{
    private static readonly byte[] Push = WebhookCorpus.Read("push/with-new-branch.payload.json");
    private readonly FunctionsApp _app = fixture.App;

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_and_starts_nothing()
    {
        var delivery = WebhookDeliveries.NewDeliveryId();
        var answer = await _app.SendAsync(WebhookDeliveries.Signed("push", Push, delivery, secret: "not-the-configured-secret"));

        AssertProblem(answer, HttpStatusCode.Unauthorized, GitHubWebhookHeaders.Signature256);
        Assert.False(await _app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused_and_starts_nothing()
    {
        var delivery = WebhookDeliveries.NewDeliveryId();
        var tampered = WebhookCorpus.Derive("push/with-new-branch.payload.json", p => p["ref"] = "refs/heads/main");
        var answer = await _app.SendAsync(WebhookDeliveries.Create("push", tampered, delivery, GitHubWebhookSignature.Compute(FunctionsApp.Secret, Push)));

        AssertProblem(answer, HttpStatusCode.Unauthorized, GitHubWebhookHeaders.Signature256);
        Assert.False(await _app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=7d38cdd689735b008b3c702edd92eea23791c5f6")]
    [InlineData("sha256=zz")]
    public async Task A_missing_or_malformed_signature_is_refused(string? signature)
    {
        var delivery = WebhookDeliveries.NewDeliveryId();
        var answer = await _app.SendAsync(WebhookDeliveries.Create("push", Push, delivery, signature));

        AssertProblem(answer, HttpStatusCode.Unauthorized, GitHubWebhookHeaders.Signature256);
        Assert.False(await _app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }

    [Fact]
    public async Task A_webhook_left_on_GitHubs_form_content_type_is_told_to_switch_to_json()
    {
        var form = System.Text.Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(System.Text.Encoding.UTF8.GetString(Push)));
        using var request = WebhookDeliveries.Signed("push", form);
        request.Content!.Headers.ContentType = new("application/x-www-form-urlencoded");

        var answer = await _app.SendAsync(request);

        AssertProblem(answer, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Contains("application/json", answer.Text("detail"));
    }

    [Fact]
    public async Task Json_with_a_charset_is_accepted()
    {
        using var request = WebhookDeliveries.Signed("ping", WebhookCorpus.Read("ping/payload.json"));
        request.Content!.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync(request)).Status);
    }

    [Fact]
    public async Task A_delivery_without_an_event_name_is_a_bad_request()
    {
        var answer = await _app.SendAsync(WebhookDeliveries.Create(null, Push, WebhookDeliveries.NewDeliveryId(), GitHubWebhookSignature.Compute(FunctionsApp.Secret, Push)));

        AssertProblem(answer, HttpStatusCode.BadRequest, GitHubWebhookHeaders.Event);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("../../etc/passwd")]
    public async Task A_delivery_without_a_usable_delivery_id_is_a_bad_request(string? deliveryId)
    {
        var answer = await _app.SendAsync(WebhookDeliveries.Create("push", Push, deliveryId, GitHubWebhookSignature.Compute(FunctionsApp.Secret, Push)));

        AssertProblem(answer, HttpStatusCode.BadRequest, GitHubWebhookHeaders.Delivery);
    }

    [Fact]
    public async Task Truncated_json_is_a_bad_request_that_says_where_it_broke()
    {
        var truncated = Push[..(Push.Length / 2)];
        var delivery = WebhookDeliveries.NewDeliveryId();

        var answer = await _app.SendAsync(WebhookDeliveries.Signed("push", truncated, delivery));

        AssertProblem(answer, HttpStatusCode.BadRequest, field: null);
        Assert.Contains("not valid JSON", answer.Text("detail"));
        Assert.Contains("LineNumber", answer.Text("detail"));
        Assert.False(await _app.ExistsAsync(WebhookDeliveries.RunIdFor(delivery)));
    }

    [Theory]
    [InlineData("after")]
    [InlineData("repository")]
    public async Task A_payload_without_a_field_the_push_needs_is_a_bad_request_naming_it(string field)
    {
        var body = WebhookCorpus.Derive("push/with-new-branch.payload.json", p => p.Remove(field));

        var answer = await _app.SendAsync(WebhookDeliveries.Signed("push", body));

        AssertProblem(answer, HttpStatusCode.BadRequest, field);
        Assert.Contains($"'{field}'", answer.Text("detail"));
    }

    [Fact]
    public async Task A_pull_request_head_sha_that_is_not_a_commit_sha_is_a_bad_request_naming_it()
    {
        var body = WebhookCorpus.Derive("pull_request/opened.payload.json", p => p["pull_request"]!["head"]!["sha"] = "main; rm -rf /");

        var answer = await _app.SendAsync(WebhookDeliveries.Signed("pull_request", body));

        AssertProblem(answer, HttpStatusCode.BadRequest, "pull_request.head.sha");
    }

    internal static void AssertProblem(Answer answer, HttpStatusCode status, string? field)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {answer}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal((int)status, answer.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.Text("detail")));
        if (field is not null) Assert.Equal(field, answer.Text("field"));
    }
}
