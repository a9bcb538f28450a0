using System.Net.Http.Headers;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Functions.Tests.Support;

/// <summary>Webhook requests as GitHub sends them: the exact body bytes, event and delivery headers, and the HMAC signature.</summary>
public static class WebhookDeliveries
{
    public static HttpRequestMessage Signed(string eventName, byte[] body, string? deliveryId = null, string secret = FunctionsApp.Secret) =>
        Create(eventName, body, deliveryId ?? NewDeliveryId(), GitHubWebhookSignature.Compute(secret, body));

    /// <summary>A request with exactly the headers given; a null header is left out.</summary>
    public static HttpRequestMessage Create(string? eventName, HttpContent content, string? deliveryId, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/github/webhook") { Content = content };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (eventName is not null) request.Headers.Add(GitHubWebhookHeaders.Event, eventName);
        if (deliveryId is not null) request.Headers.Add(GitHubWebhookHeaders.Delivery, deliveryId);
        if (signature is not null) request.Headers.Add(GitHubWebhookHeaders.Signature256, signature);
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/functions-tests");
        return request;
    }

    public static HttpRequestMessage Create(string? eventName, byte[] body, string? deliveryId, string? signature) =>
        Create(eventName, new ByteArrayContent(body), deliveryId, signature);

    public static string NewDeliveryId() => Guid.NewGuid().ToString();

    /// <summary>The run a delivery starts: RunViews names it after the delivery id.</summary>
    public static string RunIdFor(string deliveryId) => Serverless.Functions.Runs.RunViews.InstanceIdFor(deliveryId);
}
