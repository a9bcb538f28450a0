using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serverless.Functions;

/// <summary>A request body that may be left out; when sent it must be JSON of the expected shape.</summary>
public static class OptionalJsonBody
{
    /// <returns>Readable false when a body was sent that is not JSON; Value null when none was sent.</returns>
    public static async Task<(bool Readable, T? Value)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength is not > 0 && request.Headers.TransferEncoding.Count == 0) return (true, null);
        try
        {
            return (true, await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken));
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }
}
