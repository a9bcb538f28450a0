using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Serverless.Runtime.Hosting.Management;

internal static class RequestBodies
{
    /// <summary>The body as JSON; null when it is empty or JSON <c>null</c>. Invalid JSON is an <see cref="InvalidRequestException"/>.</summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpRequest request, string field, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException(field, $"The request body is not valid JSON: {ex.Message}");
        }
    }

    public static bool IsJsonContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
