using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Testing.Local;

/// <summary>
/// A real Kestrel upstream on 127.0.0.1 that describes each request it gets (JSON: upstream, method, path, query,
/// body, selected headers) and answers <c>/status/{code}</c> with that status, for exercising a proxy.
/// </summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoUpstream(string name, WebApplication app, int port)
    {
        Name = name;
        _app = app;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public static async Task<EchoUpstream> StartAsync(string name, int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context => RespondAsync(name, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoUpstream(name, app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task RespondAsync(string name, HttpContext context)
    {
        var request = context.Request;
        context.Response.Headers["X-Upstream"] = name;
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["status", var code])
        {
            context.Response.StatusCode = int.Parse(code);
            await context.Response.WriteAsync(name);
            return;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        await context.Response.WriteAsJsonAsync(new EchoedRequest(
            name,
            request.Method,
            request.Path.Value!,
            request.QueryString.Value ?? string.Empty,
            body,
            request.Headers["X-Test"].ToString(),
            request.ContentType,
            request.Headers["X-Forwarded-Prefix"].ToString(),
            request.Headers["X-Forwarded-Host"].ToString()));
    }
}

public sealed record EchoedRequest(
    string Upstream,
    string Method,
    string Path,
    string Query,
    string Body,
    string XTest,
    string? ContentType,
    string ForwardedPrefix,
    string ForwardedHost);
