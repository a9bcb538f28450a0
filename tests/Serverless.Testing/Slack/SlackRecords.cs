using System.Text.Json;

namespace Serverless.Testing.Slack;

/// <summary>A request the fake received, with its answer; <see cref="Rejection"/> says why Slack would refuse it.</summary>
public sealed record SlackRecordedRequest(
    string Method,
    string Path,
    string? ContentType,
    string Body,
    int StatusCode,
    string ResponseBody,
    string? Rejection);

/// <summary>A message the fake accepted, as posted.</summary>
public sealed record SlackRecordedMessage(string RawBody, JsonElement Payload)
{
    public string? Text => Payload.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    public IReadOnlyList<JsonElement> Blocks =>
        Payload.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array ? [.. blocks.EnumerateArray()] : [];
}
