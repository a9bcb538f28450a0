using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Core.Integrations.Slack;

/// <summary>Posts <see cref="SlackMessage"/>s as JSON to incoming webhooks; logs only the webhook's host.</summary>
public sealed class SlackWebhookClient(HttpClient httpClient, ILogger<SlackWebhookClient>? logger = null) : ISlackWebhookClient
{
    private const int MaxErrorLength = 200;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task PostAsync(Uri webhookUrl, SlackMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentNullException.ThrowIfNull(message);
        if (!webhookUrl.IsAbsoluteUri || webhookUrl.Scheme is not ("https" or "http"))
            throw new ArgumentException("The Slack webhook URL must be an absolute http(s) URL.", nameof(webhookUrl));

        var host = webhookUrl.Host;
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var response = await httpClient.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            _logger.Posted(host);
            return;
        }

        var error = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        if (error.Length == 0) error = response.ReasonPhrase ?? "(no body)";
        if (error.Length > MaxErrorLength) error = error[..MaxErrorLength] + "…";
        _logger.Refused(host, (int)response.StatusCode, error);
        throw new SlackWebhookException(response.StatusCode, error, host, response.Headers.RetryAfter?.Delta);
    }
}
