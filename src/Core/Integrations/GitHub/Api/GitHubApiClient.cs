using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Serverless.Core.Integrations.GitHub;

/// <summary>
/// The GitHub REST calls the pipelines make: commit statuses, deployments and deployment statuses. Sends the headers
/// GitHub requires, truncates descriptions to its limit, retries transient failures and throws
/// <see cref="GitHubApiException"/> for the rest. The token never appears in logs or exception messages.
/// </summary>
public sealed class GitHubApiClient : IGitHubCommitStatuses, IGitHubDeployments
{
    private const string MediaType = "application/vnd.github+json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly GitHubApiOptions _options;
    private readonly Uri _root;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public GitHubApiClient(HttpClient httpClient, GitHubApiOptions options, ILogger<GitHubApiClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException("GitHub API options are invalid: " + string.Join(" ", errors), nameof(options));

        _http = httpClient;
        _options = options;
        _root = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _pipeline = GitHubRetry.CreatePipeline(options, timeProvider ?? TimeProvider.System, _logger);
    }

    public async Task<long> CreateCommitStatusAsync(
        string owner, string repo, string sha, CommitState state, string context, string? description, string? targetUrl,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        var body = new CommitStatusRequest(
            GitHubWireNames.Of(state), context, GitHubLimits.Truncate(description, GitHubLimits.StatusDescriptionLength), targetUrl);
        return await PostForIdAsync(RepoPath(owner, repo, "statuses", Uri.EscapeDataString(sha)), body, cancellationToken);
    }

    public async Task<long> CreateDeploymentAsync(
        string owner, string repo, string @ref, string environment, string? description, object? payload,
        bool transientEnvironment, bool productionEnvironment, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@ref);
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        var body = new DeploymentRequest(@ref, environment, description, payload, transientEnvironment, productionEnvironment);
        return await PostForIdAsync(RepoPath(owner, repo, "deployments"), body, cancellationToken);
    }

    public async Task<long> CreateDeploymentStatusAsync(
        string owner, string repo, long deploymentId, DeploymentState state, string? environmentUrl, string? logUrl,
        string? description, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deploymentId);
        var body = new DeploymentStatusRequest(
            GitHubWireNames.Of(state), environmentUrl, logUrl, GitHubLimits.Truncate(description, GitHubLimits.StatusDescriptionLength));
        var path = RepoPath(owner, repo, "deployments", deploymentId.ToString(System.Globalization.CultureInfo.InvariantCulture), "statuses");
        return await PostForIdAsync(path, body, cancellationToken);
    }

    private static string RepoPath(string owner, string repo, params string[] rest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(repo);
        return $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repo)}/{string.Join('/', rest)}";
    }

    private async Task<long> PostForIdAsync(string path, object body, CancellationToken cancellationToken)
    {
        if (!_options.HasToken)
            throw new InvalidOperationException($"No GitHub token is configured ({GitHubApiOptions.TokenSetting}).");

        var uri = new Uri(_root, path);
        var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonOptions);
        using var response = await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = CreateRequest(HttpMethod.Post, uri, json);
                return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            },
            cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        if (response.StatusCode == HttpStatusCode.Created && TryReadId(content) is { } id)
        {
            _logger.RequestSucceeded("POST", uri.AbsolutePath, (int)response.StatusCode);
            return id;
        }
        var error = GitHubErrorResponse.ToException(response.StatusCode, content, response.ReasonPhrase, _options.Token);
        _logger.RequestFailed("POST", uri.AbsolutePath, (int)response.StatusCode, error.Message);
        throw error;
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, byte[] json)
    {
        var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Add("X-GitHub-Api-Version", GitHubApiOptions.ApiVersion);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        return request;
    }

    private static long? TryReadId(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("id", out var id)
                   && id.TryGetInt64(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
