using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Testing.GitHub;

/// <summary>
/// The GitHub REST endpoints the pipelines call (commit statuses, deployments, deployment statuses), served by Kestrel
/// on 127.0.0.1. Checks what GitHub checks: User-Agent (403), the bearer token (401), owner/repo names and SHAs,
/// field types, enum values and description lengths (422 "Validation Failed" with <c>errors</c>), and answers 201 with
/// GitHub-shaped JSON. Keeps what it created for assertions, and can fail the next requests to exercise retries.
/// </summary>
public sealed partial class FakeGitHubApi : IAsyncDisposable
{
    public const string DefaultToken = "ghp_FakeToken0123456789abcdefABCDEF0123";
    public static readonly IReadOnlySet<string> SupportedApiVersions = new HashSet<string>(["2022-11-28", "2026-03-10"]);

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly List<GitHubRecordedRequest> _requests = [];
    private readonly List<FakeCommitStatus> _statuses = [];
    private readonly List<FakeDeployment> _deployments = [];
    private readonly List<FakeDeploymentStatus> _deploymentStatuses = [];
    private readonly Queue<Func<HttpResponse, Task>> _injectedFailures = new();
    private long _nextStatusId = 1_000_000_001;
    private long _nextDeploymentId = 2_000_001;
    private long _nextDeploymentStatusId = 3_000_001;

    private FakeGitHubApi(WebApplication app, string expectedToken, TimeProvider clock)
    {
        _app = app;
        ExpectedToken = expectedToken;
        _clock = clock;
    }

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeGitHubApi> StartAsync(string expectedToken = DefaultToken, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeGitHubApi(app, expectedToken, clock ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The API root, ending in a slash (what <c>GITHUB_API_URL</c> would hold).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string ExpectedToken { get; }

    public IReadOnlyList<GitHubRecordedRequest> Requests => Snapshot(_requests);
    public IReadOnlyList<FakeCommitStatus> CommitStatuses => Snapshot(_statuses);
    public IReadOnlyList<FakeDeployment> Deployments => Snapshot(_deployments);
    public IReadOnlyList<FakeDeploymentStatus> DeploymentStatuses => Snapshot(_deploymentStatuses);

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (500 or 429, say) before any check.</summary>
    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.InternalServerError, TimeSpan? retryAfter = null)
    {
        var message = status == HttpStatusCode.TooManyRequests ? "API rate limit exceeded for installation." : "Server Error";
        Inject(count, async response =>
        {
            if (retryAfter is { } wait) response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await WriteJsonAsync(response, (int)status, GitHubResponses.Message(message, (int)status));
        });
    }

    /// <summary>Answers the next <paramref name="count"/> requests as an exhausted primary rate limit: 403 with <c>x-ratelimit-remaining: 0</c>.</summary>
    public void RateLimitNext(int count, DateTimeOffset reset) => Inject(count, async response =>
    {
        response.Headers["x-ratelimit-limit"] = "5000";
        response.Headers["x-ratelimit-remaining"] = "0";
        response.Headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await WriteJsonAsync(response, 403, GitHubResponses.Message("API rate limit exceeded for installation ID 1.", 403,
            "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"));
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Inject(int count, Func<HttpResponse, Task> failure)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++) _injectedFailures.Enqueue(failure);
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> items)
    {
        lock (_gate) return items.ToArray();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        Func<HttpResponse, Task>? failure;
        lock (_gate) _injectedFailures.TryDequeue(out failure);

        if (failure is not null) await failure(context.Response);
        else
        {
            try
            {
                var (status, reply) = Dispatch(request, body);
                await WriteJsonAsync(context.Response, status, reply);
            }
            catch (GitHubReply reply) when (reply.Status == 403 && reply.Body is JsonValue)
            {
                context.Response.StatusCode = 403;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(reply.Body.GetValue<string>());
            }
            catch (GitHubReply reply)
            {
                await WriteJsonAsync(context.Response, reply.Status, reply.Body);
            }
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_gate) _requests.Add(new GitHubRecordedRequest(request.Method, request.Path.Value ?? "", headers, body, context.Response.StatusCode));
    }

    private (int Status, JsonNode Body) Dispatch(HttpRequest request, string body)
    {
        if (string.IsNullOrWhiteSpace(request.Headers.UserAgent)) throw new GitHubReply(403, JsonValue.Create(GitHubResponses.MissingUserAgent));
        CheckAuthorization(request.Headers.Authorization.ToString());
        if (request.Headers["X-GitHub-Api-Version"].ToString() is { Length: > 0 } version && !SupportedApiVersions.Contains(version))
            throw new GitHubReply(400, GitHubResponses.Message($"API version {version} is not supported.", 400));

        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method))
        {
            if (StatusPath().Match(path) is { Success: true } s)
                return CreateCommitStatus(Repo(s), s.Groups["sha"].Value, body);
            if (DeploymentsPath().Match(path) is { Success: true } d)
                return CreateDeployment(Repo(d), body);
            if (DeploymentStatusesPath().Match(path) is { Success: true } ds)
                return CreateDeploymentStatus(Repo(ds), ds.Groups["id"].Value, body);
        }
        throw NotFound();
    }

    private void CheckAuthorization(string authorization)
    {
        if (authorization.Length == 0) throw new GitHubReply(401, GitHubResponses.Message("Requires authentication", 401));
        var parts = authorization.Split(' ', 2);
        var schemeAccepted = parts.Length == 2 && (parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("token", StringComparison.OrdinalIgnoreCase));
        if (!schemeAccepted || parts[1] != ExpectedToken) throw new GitHubReply(401, GitHubResponses.Message("Bad credentials", 401));
    }

    private static (string Owner, string Repo) Repo(Match match)
    {
        var owner = match.Groups["owner"].Value;
        var repo = match.Groups["repo"].Value;
        if (!OwnerName().IsMatch(owner) || !RepoName().IsMatch(repo) || repo is "." or "..") throw NotFound();
        return (owner, repo);
    }

    private static GitHubReply NotFound() => new(404, GitHubResponses.Message("Not Found", 404));

    private DateTimeOffset Now()
    {
        var now = _clock.GetUtcNow().ToUniversalTime();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    private static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string Url(string path) => new Uri(BaseUrl, path).AbsoluteUri;

    private static JsonObject Creator() => new()
    {
        ["login"] = "pipeline-bot[bot]",
        ["id"] = 41898282,
        ["node_id"] = "MDM6Qm90NDE4OTgyODI=",
        ["type"] = "Bot",
        ["site_admin"] = false,
    };

    private static async Task WriteJsonAsync(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        response.Headers["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        await response.WriteAsync(body.ToJsonString());
    }

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/statuses/(?<sha>[^/]+)$")]
    private static partial Regex StatusPath();

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/deployments$")]
    private static partial Regex DeploymentsPath();

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/deployments/(?<id>[^/]+)/statuses$")]
    private static partial Regex DeploymentStatusesPath();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")]
    private static partial Regex OwnerName();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepoName();
}
