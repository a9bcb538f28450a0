using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>Forwards one request to an upstream on 127.0.0.1: method, path, query, headers and body, both ways, streamed.</summary>
internal sealed class ProxyForwarder : IDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.ProxyAuthenticate, HeaderNames.ProxyAuthorization,
        HeaderNames.TE, HeaderNames.Trailer, HeaderNames.TransferEncoding, HeaderNames.Upgrade, HeaderNames.Host,
        "Proxy-Connection",
    };

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    });

    private readonly TimeSpan _timeout;

    public ProxyForwarder(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    /// <summary>Returns the status the client got: the upstream's, or 502/504 written here when it failed or was too slow.</summary>
    public async Task<int> ForwardAsync(HttpContext context, int port, PathString path, string? strippedPrefix)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        using var request = CreateRequest(context, port, path, strippedPrefix);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            return await FailAsync(context, StatusCodes.Status504GatewayTimeout, $"The upstream on port {port} did not answer within {_timeout}.").ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return await FailAsync(context, StatusCodes.Status502BadGateway, $"The upstream on port {port} could not be reached: {ex.Message}").ConfigureAwait(false);
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            CopyResponseHeaders(response, context.Response);
            try
            {
                await response.Content.CopyToAsync(context.Response.Body, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
            {
                context.Abort();
                return StatusCodes.Status502BadGateway;
            }

            return (int)response.StatusCode;
        }
    }

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage CreateRequest(HttpContext context, int port, PathString path, string? strippedPrefix)
    {
        var incoming = context.Request;
        var target = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{path.ToUriComponent()}{incoming.QueryString.ToUriComponent()}"));
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(incoming.Body);
        }

        var connectionTokens = incoming.Headers.Connection.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name) || connectionTokens.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        if (strippedPrefix is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Prefix", strippedPrefix);
        }

        return request;
    }

    private static void CopyResponseHeaders(HttpResponseMessage response, HttpResponse outgoing)
    {
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                outgoing.Headers[name] = values.ToArray();
            }
        }
    }

    private static async Task<int> FailAsync(HttpContext context, int status, string detail)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
            await Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context).ConfigureAwait(false);
        }

        return status;
    }
}
