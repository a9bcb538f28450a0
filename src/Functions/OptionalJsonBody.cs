using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serverless.Functions;

/// <summary>A request body that may be left out; when sent it must be JSON of the expected shape.</summary>
public static class OptionalJsonBody
{
    /// <returns>
    /// BadField set when a body was sent that cannot be read: the property with the wrong type, or "body" when it is not
    /// JSON at all. Value null when none was sent.
    /// </returns>
    public static async Task<(string? BadField, T? Value)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength is not > 0 && request.Headers.TransferEncoding.Count == 0) return (null, null);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return ("body", null);  // not JSON at all (cut off, or not JSON): no property is to blame
        }
        using (document)
        {
            try
            {
                return (null, document.Deserialize<T>(JsonSerializerOptions.Web));
            }
            catch (JsonException e)
            {
                return (FieldOf(e), null);
            }
        }
    }

    // "$.reason" → "reason"; "$" (the body is an array, a string, …) → "body".
    private static string FieldOf(JsonException error)
    {
        var path = error.Path;
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal) || path.Length == 2) return "body";
        var end = path.IndexOfAny(['.', '['], 2);
        return end < 0 ? path[2..] : path[2..end];
    }
}
