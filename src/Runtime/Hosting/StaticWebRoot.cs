using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Serverless.Runtime.Hosting;

/// <summary>
/// Serves the app's wwwroot (a dashboard, say) at the root of the host, with index.html as the default document,
/// as App Service serves static content next to a function app. Pages get a strict same-origin content policy.
/// </summary>
public static class StaticWebRoot
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static bool HasWebRoot(IWebHostEnvironment environment) =>
        environment.WebRootFileProvider.GetFileInfo("index.html").Exists;

    public static WebApplication UseStaticWebRoot(this WebApplication app)
    {
        if (!HasWebRoot(app.Environment)) return app;
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => AddPageHeaders(context.Context.Response) });
        return app;
    }

    private static void AddPageHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // The pages change with the app; a stale cached script against a newer API is worse than a revalidation.
        response.Headers.CacheControl = "no-cache";
    }
}
