using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Serverless.Runtime.Hosting.Management;

/// <summary>
/// Builds the absolute links the API hands out. The scheme and host are the request's, or those of
/// <c>X-Forwarded-Proto</c> + <c>X-Forwarded-Host</c> when both are present (a proxy in front of the host).
/// </summary>
internal static class ManagementLinks
{
    public const string BasePath = "/runtime/webhooks/durabletask";

    public static DurableManagementApiOptions Options(HttpContext context) =>
        context.RequestServices.GetService<IOptions<DurableManagementApiOptions>>()?.Value ?? new DurableManagementApiOptions();

    public static HttpManagementPayload Payload(HttpRequest request, string instanceId, bool returnInternalServerErrorOnFailure = false)
    {
        var options = Options(request.HttpContext);
        var instance = $"{Origin(request)}{request.PathBase}{BasePath}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = $"taskHub={Uri.EscapeDataString(options.HubName)}&connection={Uri.EscapeDataString(options.ConnectionName)}";
        if (LinkKey(request, options) is { } key) query += $"&code={Uri.EscapeDataString(key)}";
        var status = $"{instance}?{query}";
        if (returnInternalServerErrorOnFailure) status += "&returnInternalServerErrorOnFailure=true";
        return new HttpManagementPayload(
            Id: instanceId,
            StatusQueryGetUri: status,
            SendEventPostUri: $"{instance}/raiseEvent/{{eventName}}?{query}",
            TerminatePostUri: $"{instance}/terminate?reason={{text}}&{query}",
            PurgeHistoryDeleteUri: $"{instance}?{query}",
            RestartPostUri: $"{instance}/restart?{query}",
            SuspendPostUri: $"{instance}/suspend?reason={{text}}&{query}",
            ResumePostUri: $"{instance}/resume?reason={{text}}&{query}");
    }

    /// <summary>
    /// The key the links carry: the system key, as Durable Functions' links do; but a caller who came with an admin's
    /// personal key gets that key back, so removing the person revokes the links they were handed too.
    /// </summary>
    private static string? LinkKey(HttpRequest request, DurableManagementApiOptions options)
    {
        var presented = HttpFunctionEndpoints.PresentedKey(request);
        return request.HttpContext.RequestServices.GetService<FunctionKeys>() is { } keys && keys.UserOf(presented) is not null
            && keys.Allows(AuthorizationLevel.System, presented)
            ? presented
            : options.SystemKey;
    }

    /// <summary>The URI of this request as the caller sees it (used as the Location of a 202 status).</summary>
    public static string RequestUri(HttpRequest request) =>
        $"{Origin(request)}{request.PathBase}{request.Path}{request.QueryString}";

    private static string Origin(HttpRequest request)
    {
        var proto = First(request.Headers["X-Forwarded-Proto"]);
        var host = First(request.Headers["X-Forwarded-Host"]);
        if (proto is not null && host is not null
            && (proto.Equals("http", StringComparison.OrdinalIgnoreCase) || proto.Equals("https", StringComparison.OrdinalIgnoreCase))
            && IsHost(host))
            return $"{proto.ToLowerInvariant()}://{host}";
        return $"{request.Scheme}://{request.Host.ToUriComponent()}";
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
    {
        var first = values.FirstOrDefault()?.Split(',')[0].Trim();
        return string.IsNullOrEmpty(first) ? null : first;
    }

    // A forwarded host goes into links verbatim, so it must be a bare host[:port] and nothing that would change the URL's shape.
    private static bool IsHost(string value)
    {
        if (value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']'))) return false;
        var host = new HostString(value);
        var hasPort = value.LastIndexOf(':') > value.LastIndexOf(']');
        return Uri.CheckHostName(host.Host) != UriHostNameType.Unknown && (hasPort ? host.Port is > 0 and <= 65535 : host.Port is null);
    }
}
