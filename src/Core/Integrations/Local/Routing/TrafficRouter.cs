using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>
/// One environment's public port on 127.0.0.1: an in-process reverse proxy (Kestrel + HttpClient) that forwards
/// each request to the upstream its service's <see cref="RouteTable"/> picks, and keeps a ring of recent requests
/// (status, latency, upstream) for analysis. Route changes are atomic: in-flight requests finish where they
/// started, the next request uses the new table.
/// </summary>
public sealed class TrafficRouter : IAsyncDisposable
{
    private readonly RequestLog _requests;
    private readonly ProxyForwarder _forwarder;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private RouteSet _routes = RouteSet.Empty;
    private WebApplication? _app;

    /// <param name="name">The environment it serves, for messages.</param>
    /// <param name="port">The public port; 0 picks a free one (see <see cref="Port"/> after start).</param>
    public TrafficRouter(string name, int port, TrafficRouterOptions? options = null, ILogger<TrafficRouter>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        options ??= new TrafficRouterOptions();
        var errors = options.Validate("Router");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid router settings: " + string.Join(" ", errors), nameof(options));
        }

        Name = name;
        Port = port;
        _requests = new RequestLog(options.RequestLogCapacity);
        _forwarder = new ProxyForwarder(options.ProxyTimeout);
        _logger = logger ?? NullLogger<TrafficRouter>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string Name { get; }

    public int Port { get; private set; }

    public IReadOnlyDictionary<string, RouteTable> Routes => Volatile.Read(ref _routes).Services.ToDictionary(pair => pair.Key, pair => pair.Value.Table);

    /// <summary>Binds the public port.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, Port);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"Environment '{Name}' cannot serve on 127.0.0.1:{Port}: {ex.Message}", ex);
        }

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
        _logger.RouterStarted(Name, Port);
    }

    /// <summary>Atomically replaces where <paramref name="service"/>'s traffic goes. The first service set answers at '/'.</summary>
    public void SetRoute(string service, RouteTable table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentNullException.ThrowIfNull(table);
        lock (_gate)
        {
            Volatile.Write(ref _routes, _routes.With(service, table));
        }

        _logger.RouteSet(Name, service, table.ToString());
    }

    public bool RemoveRoute(string service)
    {
        lock (_gate)
        {
            if (!_routes.Services.ContainsKey(service))
            {
                return false;
            }

            Volatile.Write(ref _routes, _routes.Without(service));
            return true;
        }
    }

    public RouteTable? GetRoute(string service) =>
        Volatile.Read(ref _routes).Services.TryGetValue(service, out var selector) ? selector.Table : null;

    /// <summary>Requests forwarded at or after <paramref name="since"/>, optionally of one service or one upstream port.</summary>
    public TrafficStats Stats(DateTimeOffset since, string? service = null, int? upstreamPort = null) =>
        TrafficStats.From(RecentRequests(since)
            .Where(record => (service is null || record.Service == service) && (upstreamPort is null || record.UpstreamPort == upstreamPort))
            .ToList());

    /// <summary>The recent requests (up to the ring's capacity) at or after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<RequestRecord> RecentRequests(DateTimeOffset since) => _requests.Since(since);

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _forwarder.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Volatile.Read(ref _routes).Resolve(context.Request.Path) is not { } route)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await Results.Problem(detail: $"No version is live in environment '{Name}'.", statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var port = route.Selector.NextPort();
        var started = _timeProvider.GetTimestamp();
        int status;
        try
        {
            status = await _forwarder.ForwardAsync(context, port, route.Path, route.StrippedPrefix).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        _requests.Add(new RequestRecord(_timeProvider.GetUtcNow(), route.Service, port, status, _timeProvider.GetElapsedTime(started)));
    }
}
