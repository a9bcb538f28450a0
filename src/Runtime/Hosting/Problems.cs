using Microsoft.AspNetCore.Http;

namespace Serverless.Runtime.Hosting;

/// <summary>Problem-details (RFC 9457) responses for every 4xx the host itself produces.</summary>
public static class Problems
{
    public static Task Write(HttpContext http, int status, string title, string detail, string? field = null)
    {
        var extensions = field is null ? null : new Dictionary<string, object?> { ["field"] = field };
        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions).ExecuteAsync(http);
    }
}
