using System.Net;
using System.Net.Http.Json;
using System.Text;
using Serverless.Core.Integrations.Local.Routing;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

public sealed class TrafficRouterTests : IAsyncLifetime
{
    private readonly HttpClient _client = new();
    private TrafficRouter _router = null!;
    private EchoUpstream _blue = null!;
    private EchoUpstream _green = null!;

    public async Task InitializeAsync()
    {
        _blue = await EchoUpstream.StartAsync("blue");
        _green = await EchoUpstream.StartAsync("green");
        _router = new TrafficRouter("dev", port: 0);
        await _router.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        await _blue.DisposeAsync();
        await _green.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Forwards_method_path_query_headers_and_body_and_returns_the_response()
    {
        _router.SetRoute("hello", RouteTable.Single(_blue.Port));
        using var request = new HttpRequestMessage(HttpMethod.Put, Url("/orders/7?expand=lines&x=%20y"))
        {
            Content = new StringContent("{\"qty\":2}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test", "kept");

        using var response = await _client.SendAsync(request);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("blue", response.Headers.GetValues("X-Upstream").Single());
        Assert.Equal(new EchoedRequest("blue", "PUT", "/orders/7", "?expand=lines&x=%20y", "{\"qty\":2}", "kept", "application/json; charset=utf-8", "", $"127.0.0.1:{_router.Port}"), echoed);
    }

    [Fact]
    public async Task Switching_the_route_moves_the_next_request()
    {
        _router.SetRoute("hello", RouteTable.Single(_blue.Port));
        Assert.Equal("blue", await UpstreamOfAsync("/"));

        _router.SetRoute("hello", RouteTable.Single(_green.Port));

        Assert.Equal("green", await UpstreamOfAsync("/"));
        Assert.Equal(_green.Port, Assert.Single(_router.GetRoute("hello")!.Upstreams).Port);
    }

    [Fact]
    public async Task A_weighted_route_splits_exactly_by_weight()
    {
        _router.SetRoute("hello", RouteTable.Weighted((_blue.Port, 90), (_green.Port, 10)));

        var upstreams = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            upstreams.Add(await UpstreamOfAsync("/"));
        }

        Assert.Equal(90, upstreams.Count(u => u == "blue"));
        Assert.Equal(10, upstreams.Count(u => u == "green"));
        var since = DateTimeOffset.MinValue;
        Assert.Equal(10, _router.Stats(since, "hello", _green.Port).Count);
        Assert.Equal(90, _router.Stats(since, upstreamPort: _blue.Port).Count);
    }

    [Fact]
    public async Task Stats_report_count_error_rate_and_p95_since_a_moment()
    {
        _router.SetRoute("hello", RouteTable.Single(_blue.Port));
        await UpstreamOfAsync("/");
        var since = _router.RecentRequests(DateTimeOffset.MinValue)[^1].Timestamp.AddTicks(1);
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow > since, "the clock moved past the mark");
        for (var i = 0; i < 8; i++)
        {
            await UpstreamOfAsync("/");
        }

        foreach (var status in new[] { 500, 503, 404 })
        {
            using var response = await _client.GetAsync(Url($"/status/{status}"));
            Assert.Equal(status, (int)response.StatusCode);
        }

        var stats = _router.Stats(since);

        Assert.Equal(11, stats.Count);
        Assert.Equal(2, stats.ServerErrors);
        Assert.Equal(2.0 / 11, stats.ErrorRate, 6);
        Assert.True(stats.P95Latency > TimeSpan.Zero);
        Assert.Equal(12, _router.RecentRequests(DateTimeOffset.MinValue).Count);
        Assert.Equal(0, _router.Stats(DateTimeOffset.UtcNow.AddMinutes(1)).Count);
    }

    [Fact]
    public async Task Without_a_route_the_router_answers_503_and_with_a_dead_upstream_502()
    {
        using (var response = await _client.GetAsync(Url("/")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("dev", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        _router.SetRoute("hello", RouteTable.Single(FreePort.Next()));
        using (var response = await _client.GetAsync(Url("/")))
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        Assert.Equal(1.0, _router.Stats(DateTimeOffset.MinValue, "hello").ErrorRate);
    }

    [Fact]
    public async Task The_first_service_answers_at_the_root_and_others_under_their_name()
    {
        _router.SetRoute("api", RouteTable.Single(_blue.Port));
        _router.SetRoute("web", RouteTable.Single(_green.Port));

        var root = await _client.GetFromJsonAsync<EchoedRequest>(Url("/items?page=2"));
        var web = await _client.GetFromJsonAsync<EchoedRequest>(Url("/web/assets/app.js?v=1"));
        var webRoot = await _client.GetFromJsonAsync<EchoedRequest>(Url("/web"));

        Assert.Equal(("blue", "/items", "?page=2", ""), (root!.Upstream, root.Path, root.Query, root.ForwardedPrefix));
        Assert.Equal(("green", "/assets/app.js", "?v=1", "/web"), (web!.Upstream, web.Path, web.Query, web.ForwardedPrefix));
        Assert.Equal(("green", "/"), (webRoot!.Upstream, webRoot.Path));

        Assert.True(_router.RemoveRoute("api"));
        Assert.Equal("green", await UpstreamOfAsync("/items"));
    }

    [Fact]
    public async Task A_taken_port_is_a_clear_error()
    {
        await using var second = new TrafficRouter("staging", _router.Port);

        var error = await Assert.ThrowsAsync<IOException>(() => second.StartAsync());

        Assert.Contains($"'staging' cannot serve on 127.0.0.1:{_router.Port}", error.Message, StringComparison.Ordinal);
    }

    private Uri Url(string pathAndQuery) => new($"http://127.0.0.1:{_router.Port}{pathAndQuery}");

    private async Task<string> UpstreamOfAsync(string path)
    {
        using var response = await _client.GetAsync(Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("X-Upstream").Single();
    }
}
