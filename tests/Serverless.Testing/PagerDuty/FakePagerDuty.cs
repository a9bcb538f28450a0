using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Testing.PagerDuty;

/// <summary>
/// PagerDuty's Events API v2 (<c>POST /v2/enqueue</c>) served by Kestrel on 127.0.0.1. Checks what PagerDuty checks:
/// a JSON object, a 32-character <c>routing_key</c>, <c>event_action</c> trigger/acknowledge/resolve, a
/// <c>dedup_key</c> of at most 255 characters (required unless triggering), and for a trigger
/// <c>payload.summary</c>, <c>payload.source</c> and <c>payload.severity</c> critical/error/warning/info; answers 400
/// <c>invalid event</c> with the errors otherwise, 202 <c>success</c> with the dedup key when accepted.
/// </summary>
public sealed class FakePagerDuty : IAsyncDisposable
{
    public const string EnqueuePath = "/v2/enqueue";
    private static readonly string[] Actions = ["trigger", "acknowledge", "resolve"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];
    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly List<PagerDutyRecordedRequest> _requests = [];
    private readonly List<PagerDutyRecordedEvent> _events = [];

    private FakePagerDuty(WebApplication app) => _app = app;

    /// <summary>A routing key of the right shape (32 characters) for tests to configure.</summary>
    public static string ValidRoutingKey { get; } = "R0UT1NGK3YF0RT35T5000000000000AB";

    public static async Task<FakePagerDuty> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakePagerDuty(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>What to configure as <c>PAGERDUTY_API_URL</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<PagerDutyRecordedRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    /// <summary>Events PagerDuty accepted, in order.</summary>
    public IReadOnlyList<PagerDutyRecordedEvent> Events
    {
        get { lock (_gate) return _events.ToArray(); }
    }

    public IReadOnlyList<PagerDutyRecordedEvent> Triggers => Events.Where(e => e.Action == "trigger").ToArray();

    public IReadOnlyList<PagerDutyRecordedEvent> Resolves => Events.Where(e => e.Action == "resolve").ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var (status, errors, accepted) = Judge(request, body);
        var answer = status == 202
            ? JsonSerializer.Serialize(new { status = "success", message = "Event processed", dedup_key = accepted!.DedupKey })
            : JsonSerializer.Serialize(new { status = "invalid event", message = "Event object is invalid", errors });
        lock (_gate)
        {
            _requests.Add(new PagerDutyRecordedRequest(request.Method, request.Path.Value ?? "", body, status, answer, errors));
            if (accepted is not null) _events.Add(accepted);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    private static (int Status, string[] Errors, PagerDutyRecordedEvent? Accepted) Judge(HttpRequest request, string body)
    {
        if (request.Path.Value != EnqueuePath) return (404, ["Not found"], null);
        if (!HttpMethods.IsPost(request.Method)) return (405, ["Method not allowed"], null);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (400, ["Invalid JSON"], null);
        }
        if (root.ValueKind != JsonValueKind.Object) return (400, ["Event object is not a JSON object"], null);

        var errors = new List<string>();
        var routingKey = String(root, "routing_key");
        if (routingKey is not { Length: 32 }) errors.Add("'routing_key' is missing or not 32 characters");
        var action = String(root, "event_action");
        if (action is null || !Actions.Contains(action)) errors.Add("'event_action' is missing or invalid");
        var dedupKey = String(root, "dedup_key");
        if (dedupKey is { Length: > 255 }) errors.Add("'dedup_key' is longer than 255 characters");
        if (action is "acknowledge" or "resolve" && string.IsNullOrEmpty(dedupKey)) errors.Add("'dedup_key' is required for " + action);

        string? summary = null, source = null, severity = null;
        if (action == "trigger")
        {
            if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
                errors.Add("'payload' is missing or not an object");
            else
            {
                summary = String(payload, "summary");
                source = String(payload, "source");
                severity = String(payload, "severity");
                if (string.IsNullOrEmpty(summary)) errors.Add("'payload.summary' is missing");
                if (summary is { Length: > 1024 }) errors.Add("'payload.summary' is longer than 1024 characters");
                if (string.IsNullOrEmpty(source)) errors.Add("'payload.source' is missing");
                if (severity is null || !Severities.Contains(severity)) errors.Add("'payload.severity' is missing or invalid");
            }
        }
        if (errors.Count > 0) return (400, [.. errors], null);

        var key = string.IsNullOrEmpty(dedupKey) ? Guid.NewGuid().ToString("N") : dedupKey;
        return (202, [], new PagerDutyRecordedEvent(action!, key, routingKey!, summary, source, severity, root));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A request the fake received, with its answer and why PagerDuty would refuse it.</summary>
public sealed record PagerDutyRecordedRequest(string Method, string Path, string Body, int StatusCode, string ResponseBody, IReadOnlyList<string> Errors);

/// <summary>An event the fake accepted.</summary>
public sealed record PagerDutyRecordedEvent(
    string Action,
    string DedupKey,
    string RoutingKey,
    string? Summary,
    string? Source,
    string? Severity,
    JsonElement Raw);
