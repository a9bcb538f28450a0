using System.Net;

namespace Serverless.Core.Integrations.Slack;

/// <summary>Slack refused a webhook post. Neither the message nor the properties hold the webhook URL.</summary>
public sealed class SlackWebhookException : Exception
{
    public SlackWebhookException(HttpStatusCode statusCode, string error, string host, TimeSpan? retryAfter = null)
        : base($"Slack webhook on {host} answered {(int)statusCode} {error}.")
    {
        StatusCode = statusCode;
        Error = error;
        Host = host;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Slack's plain-text error code, e.g. <c>invalid_payload</c>, <c>no_text</c>, <c>channel_is_archived</c>.</summary>
    public string Error { get; }

    public string Host { get; }

    /// <summary>Set on 429 (Slack allows about one message per second per webhook).</summary>
    public TimeSpan? RetryAfter { get; }
}
