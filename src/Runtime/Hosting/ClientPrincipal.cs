using Microsoft.AspNetCore.Http;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// Who is calling, in the header App Service Authentication sets in Azure. When the host knows its users (personal
/// keys), it plays that part: a name the caller sent is removed, and the name its personal key belongs to is set.
/// </summary>
public static class ClientPrincipal
{
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    public static string? NameOf(HttpRequest request) =>
        request.Headers[NameHeader].FirstOrDefault() is { Length: > 0 } name ? name : null;

    internal static void Assign(HttpRequest request, string? name)
    {
        request.Headers.Remove(NameHeader);
        if (name is not null) request.Headers[NameHeader] = name;
    }
}
