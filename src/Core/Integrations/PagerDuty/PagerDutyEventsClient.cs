using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Core.Integrations.PagerDuty;

/// <summary>POSTs events to <c>{PAGERDUTY_API_URL}/v2/enqueue</c>; the routing key goes only into the body.</summary>
public sealed class PagerDutyEventsClient(HttpClient httpClient, PagerDutyOptions options, ILogger<PagerDutyEventsClient>? logger = null) : IPagerDutyClient
{
    private const int MaxSummaryLength = 1024;
    private const int MaxDedupKeyLength = 255;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.RoutingKey);

    public async Task<PagerDutyEventAccepted?> SendAsync(PagerDutyEvent alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.DedupKey);
        if (alert.DedupKey.Length > MaxDedupKeyLength)
            throw new ArgumentException($"A PagerDuty dedup key holds at most {MaxDedupKeyLength} characters.", nameof(alert));
        var action = ActionName(alert.Action);
        if (!IsConfigured)
        {
            _logger.NotConfigured(action, alert.DedupKey);
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiUrl, "v2/enqueue"))
        {
            Content = new StringContent(Body(alert, action).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await httpClient.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var accepted = JsonSerializer.Deserialize<PagerDutyEventAccepted>(text) ?? throw new JsonException("PagerDuty answered 202 without a body.");
            _logger.Accepted(action, accepted.DedupKey);
            return accepted;
        }

        var (message, errors) = ReadError(text, response.ReasonPhrase);
        _logger.Refused((int)response.StatusCode, action, alert.DedupKey, message);
        throw new PagerDutyException(response.StatusCode, message, errors);
    }

    private JsonObject Body(PagerDutyEvent alert, string action)
    {
        var body = new JsonObject
        {
            ["routing_key"] = options.RoutingKey,
            ["event_action"] = action,
            ["dedup_key"] = alert.DedupKey,
        };
        if (alert.Action != PagerDutyEventAction.Trigger) return body;

        var summary = alert.Summary ?? throw new ArgumentException("A trigger event needs a summary.", nameof(alert));
        var payload = new JsonObject
        {
            ["summary"] = summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary,
            ["source"] = alert.Source ?? throw new ArgumentException("A trigger event needs a source.", nameof(alert)),
            ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
        };
        if (alert.Component is { } component) payload["component"] = component;
        if (alert.Group is { } group) payload["group"] = group;
        if (alert.CustomDetails is { Count: > 0 } details)
            payload["custom_details"] = new JsonObject(details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value)));
        body["payload"] = payload;
        return body;
    }

    private static string ActionName(PagerDutyEventAction action) => action.ToString().ToLowerInvariant();

    private static (string Message, IReadOnlyList<string> Errors) ReadError(string text, string? reason)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : reason ?? "(no message)";
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(x => x.ToString()).ToArray()
                : [];
            return (message, errors);
        }
        catch (JsonException)
        {
            return (text.Length is > 0 and <= 200 ? text : reason ?? "(no body)", []);
        }
    }
}
