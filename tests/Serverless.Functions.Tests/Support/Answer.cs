using System.Net;
using System.Text.Json;

namespace Serverless.Functions.Tests.Support;

/// <summary>What an endpoint answered: status, JSON body (Undefined when there is none), Location and content type.</summary>
public sealed record Answer(HttpStatusCode Status, JsonElement Body, Uri? Location, string? ContentType)
{
    public string? Text(string property) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) ? value.ToString() : null;

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new Answer(response.StatusCode, body, response.Headers.Location, response.Content.Headers.ContentType?.MediaType);
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
