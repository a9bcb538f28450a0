using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Serverless.Testing.Slack;

/// <summary>
/// A Slack incoming webhook served by Kestrel on 127.0.0.1. Checks what Slack checks: the secret webhook path (404
/// <c>no_service</c>), POST with <c>application/json</c> and a JSON object (400 <c>invalid_payload</c>), a
/// <c>text</c> or <c>blocks</c> (400 <c>no_text</c>), Block Kit types and limits (400 <c>invalid_blocks</c>); answers
/// <c>ok</c> in plain text as Slack does, and records accepted messages.
/// </summary>
public sealed class FakeSlackWebhook : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly string _path;
    private readonly List<SlackRecordedRequest> _requests = [];
    private readonly List<SlackRecordedMessage> _messages = [];
    private readonly Queue<(int Status, string Error, TimeSpan? RetryAfter)> _injectedFailures = new();

    private FakeSlackWebhook(WebApplication app, string path)
    {
        _app = app;
        _path = path;
    }

    public static async Task<FakeSlackWebhook> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var fake = new FakeSlackWebhook(app, $"/services/T0FAKE0001/B0FAKE0001/{secret}");
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The webhook URL to post to; its path is the secret, as in <c>https://hooks.slack.com/services/T…/B…/…</c>.</summary>
    public Uri WebhookUrl => new(BaseUrl, _path.TrimStart('/'));

    public IReadOnlyList<SlackRecordedRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    public IReadOnlyList<SlackRecordedMessage> Messages
    {
        get { lock (_gate) return _messages.ToArray(); }
    }

    /// <summary>Answers the next <paramref name="count"/> posts with <paramref name="status"/> and Slack's plain-text <paramref name="error"/>.</summary>
    public void FailNext(int count, HttpStatusCode status, string error, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _injectedFailures.Enqueue(((int)status, error, retryAfter));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        (int Status, string Error, TimeSpan? RetryAfter) failure = default;
        bool injected;
        lock (_gate) injected = _injectedFailures.TryDequeue(out failure);

        var (status, answer, rejection, payload) = injected
            ? (failure.Status, failure.Error, "injected failure", (JsonElement?)null)
            : Judge(request, body);
        if (injected && failure.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        lock (_gate)
        {
            _requests.Add(new SlackRecordedRequest(request.Method, request.Path.Value ?? "", request.ContentType, body, status, answer, rejection));
            if (payload is { } accepted) _messages.Add(new SlackRecordedMessage(body, accepted));
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(answer);
    }

    private (int Status, string Answer, string? Rejection, JsonElement? Payload) Judge(HttpRequest request, string body)
    {
        if (request.Path.Value != _path) return (404, "no_service", "unknown webhook path", null);
        if (!HttpMethods.IsPost(request.Method)) return (405, "invalid_method", "not a POST", null);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return (400, "invalid_payload", $"content type {request.ContentType ?? "(none)"} is not application/json", null);

        JsonElement payload;
        try
        {
            using var document = JsonDocument.Parse(body);
            payload = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (400, "invalid_payload", $"not JSON: {e.Message}", null);
        }
        if (payload.ValueKind != JsonValueKind.Object) return (400, "invalid_payload", "not a JSON object", null);

        var hasText = payload.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Trim().Length > 0;
        if (payload.TryGetProperty("text", out text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return (400, "invalid_payload", "text is not a string", null);
        var hasBlocks = payload.TryGetProperty("blocks", out var blocks) && blocks.ValueKind != JsonValueKind.Null;
        if (hasBlocks && blocks.ValueKind != JsonValueKind.Array) return (400, "invalid_blocks_format", "blocks is not an array", null);
        if (!hasText && (!hasBlocks || blocks.GetArrayLength() == 0)) return (400, "no_text", "neither text nor blocks", null);
        if (hasBlocks && SlackBlockRules.Check(blocks) is { } blockError) return (400, "invalid_blocks", blockError, null);

        return (200, "ok", null, payload);
    }
}
