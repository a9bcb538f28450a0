using Microsoft.AspNetCore.Http;

namespace Serverless.Functions;

/// <summary>Who is calling, as App Service authentication names them in Azure (locally, whatever the caller sends).</summary>
public static class CallerIdentity
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL-NAME";

    public static string? NameOf(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault() is { Length: > 0 } name ? name : null;
}
