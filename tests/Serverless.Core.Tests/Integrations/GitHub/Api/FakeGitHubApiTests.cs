using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serverless.Testing.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Api;

/// <summary>The fake refuses what GitHub refuses, so client tests that pass against it mean something.</summary>
public sealed class FakeGitHubApiTests : IAsyncLifetime
{
    private const string StatusPath = "repos/octo-org/octo-repo/statuses/6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private readonly HttpClient _http = new();
    private FakeGitHubApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHubApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public void Listens_on_loopback()
    {
        Assert.Equal("127.0.0.1", _fake.BaseUrl.Host);
        Assert.EndsWith("/", _fake.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public async Task Without_a_user_agent_the_answer_is_githubs_403_page()
    {
        var (status, body, contentType) = await Post(StatusPath, """{"state":"success"}""", userAgent: null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains("Please make sure your request has a User-Agent header", body);
        Assert.Empty(_fake.CommitStatuses);
    }

    [Fact]
    public async Task Without_credentials_the_answer_is_401_requires_authentication()
    {
        var (status, body, _) = await Post(StatusPath, """{"state":"success"}""", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Requires authentication", Json(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_wrong_token_is_401_bad_credentials_shaped_as_github_writes_it()
    {
        var (status, body, contentType) = await Post(StatusPath, """{"state":"success"}""", token: "ghp_nope");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/json; charset=utf-8", contentType);
        var json = Json(body);
        Assert.Equal("Bad credentials", json.GetProperty("message").GetString());
        Assert.Equal("https://docs.github.com/rest", json.GetProperty("documentation_url").GetString());
        Assert.Equal("401", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_token_scheme_may_also_be_token()
    {
        var (status, _, _) = await Post(StatusPath, """{"state":"success"}""", scheme: "token");

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_created_status_is_201_with_ids_urls_and_timestamps()
    {
        var (status, body, _) = await Post(StatusPath, """{"state":"success","context":"ci/build","description":"Done","target_url":"https://ci.example.com/1"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var json = Json(body);
        Assert.True(json.GetProperty("id").GetInt64() > 0);
        Assert.Equal(new Uri(_fake.BaseUrl, StatusPath).AbsoluteUri, json.GetProperty("url").GetString());
        Assert.Equal("success", json.GetProperty("state").GetString());
        Assert.Equal("ci/build", json.GetProperty("context").GetString());
        Assert.True(json.GetProperty("created_at").TryGetDateTimeOffset(out _));
        Assert.Equal("Bot", json.GetProperty("creator").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_context_defaults_to_default()
    {
        await Post(StatusPath, """{"state":"pending"}""");

        Assert.Equal("default", Assert.Single(_fake.CommitStatuses).Context);
    }

    [Theory]
    [InlineData("""{"state":"passed"}""", "state", "invalid")]
    [InlineData("""{"context":"ci"}""", "state", "missing_field")]
    [InlineData("""{"state":"success","context":5}""", "context", "invalid")]
    public async Task Bad_fields_are_422_validation_failed_naming_them(string requestBody, string field, string code)
    {
        var (status, body, _) = await Post(StatusPath, requestBody);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var json = Json(body);
        Assert.Equal("Validation Failed", json.GetProperty("message").GetString());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(("Status", field, code), (error.GetProperty("resource").GetString(), error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_description_over_140_characters_is_refused_as_github_does()
    {
        var (status, body, _) = await Post(StatusPath, JsonSerializer.Serialize(new { state = "success", description = new string('x', 141) }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = Assert.Single(Json(body).GetProperty("errors").EnumerateArray());
        Assert.Equal("description is too long (maximum is 140 characters)", error.GetProperty("message").GetString());
        Assert.Equal("custom", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{\"state\":", "Problems parsing JSON")]
    [InlineData("[]", "Body should be a JSON object")]
    public async Task Unreadable_bodies_are_400(string requestBody, string message)
    {
        var (status, body, _) = await Post(StatusPath, requestBody);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, Json(body).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("repos/octo-org/octo-repo/statuses/main", HttpStatusCode.UnprocessableEntity)]
    [InlineData("repos/octo-org/octo-repo/statuses/6113728", HttpStatusCode.UnprocessableEntity)]
    [InlineData("repos/-octo/octo-repo/statuses/6113728f27ae82c7b1a177c8d03f9e96e0adf246", HttpStatusCode.NotFound)]
    [InlineData("repos/octo-org/octo repo/statuses/6113728f27ae82c7b1a177c8d03f9e96e0adf246", HttpStatusCode.NotFound)]
    [InlineData("repos/octo-org/octo-repo/deployments/12/statuses", HttpStatusCode.NotFound)]
    [InlineData("repos/octo-org/octo-repo/issues", HttpStatusCode.NotFound)]
    public async Task Bad_paths_are_refused(string path, HttpStatusCode expected)
    {
        var (status, _, _) = await Post(path, """{"state":"success"}""");

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task An_unsupported_api_version_is_400()
    {
        var (status, _, _) = await Post(StatusPath, """{"state":"success"}""", apiVersion: "2099-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_deployment_that_leaves_out_required_contexts_is_held_by_failing_statuses()
    {
        await Post(StatusPath, """{"state":"failure","context":"ci/test"}""");

        var (status, body, _) = await Post("repos/octo-org/octo-repo/deployments", """{"ref":"6113728f27ae82c7b1a177c8d03f9e96e0adf246"}""");

        Assert.Equal(HttpStatusCode.Conflict, status);
        var json = Json(body);
        Assert.StartsWith("Conflict: Commit status checks failed", json.GetProperty("message").GetString());
        Assert.Equal("ci/test", json.GetProperty("errors")[0].GetProperty("contexts")[0].GetProperty("context").GetString());
        Assert.Empty(_fake.Deployments);
    }

    [Fact]
    public async Task A_deployment_records_githubs_defaults()
    {
        var (status, body, _) = await Post("repos/octo-org/octo-repo/deployments", """{"ref":"main"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var deployment = Assert.Single(_fake.Deployments);
        Assert.Equal(("deploy", "production", true, true, false), (deployment.Task, deployment.Environment, deployment.AutoMerge, deployment.ProductionEnvironment, deployment.TransientEnvironment));
        Assert.Null(deployment.RequiredContexts);
        Assert.Equal(40, deployment.Sha.Length);
        var json = Json(body);
        Assert.Equal(deployment.Id, json.GetProperty("id").GetInt64());
        Assert.EndsWith($"/deployments/{deployment.Id}/statuses", json.GetProperty("statuses_url").GetString());
    }

    [Fact]
    public async Task A_deployment_without_a_ref_is_a_missing_field()
    {
        var (status, body, _) = await Post("repos/octo-org/octo-repo/deployments", """{"environment":"dev"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("ref", Json(body).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Injected_failures_come_first_then_the_fake_answers_normally()
    {
        _fake.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3));

        using var first = await _http.SendAsync(Request(StatusPath, """{"state":"success"}"""));
        var (second, _, _) = await Post(StatusPath, """{"state":"success"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.Created, second);
    }

    private async Task<(HttpStatusCode Status, string Body, string? ContentType)> Post(
        string path, string body, string? token = "", string scheme = "Bearer", string? userAgent = "tests/1.0", string apiVersion = "2022-11-28")
    {
        using var response = await _http.SendAsync(Request(path, body, token, scheme, userAgent, apiVersion));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    private HttpRequestMessage Request(string path, string body, string? token = "", string scheme = "Bearer", string? userAgent = "tests/1.0", string apiVersion = "2022-11-28")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.BaseUrl, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token.Length == 0 ? _fake.ExpectedToken : token);
        if (userAgent is not null) request.Headers.UserAgent.ParseAdd(userAgent);
        request.Headers.Add("X-GitHub-Api-Version", apiVersion);
        return request;
    }

    private static JsonElement Json(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
