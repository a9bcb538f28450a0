using System.Net;
using Serverless.Functions.Tests.Support;
using Serverless.Functions.Tests.Webhooks;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Runs;

/// <summary>The run API over three finished runs: acme/alpha on main and on feature (Built), acme/beta on main (Failed).</summary>
public sealed class RunsApiTests(RunsApiTests.ThreeRuns runs) : IClassFixture<RunsApiTests.ThreeRuns>
{
    private readonly FunctionsApp _app = runs.App;

    [Theory]
    [InlineData("repo=acme/alpha", "alpha/main alpha/feature")]
    [InlineData("repo=ACME/Alpha", "alpha/main alpha/feature")]
    [InlineData("branch=feature", "alpha/feature")]
    [InlineData("status=failed", "beta/main")]
    [InlineData("status=Built&branch=main", "alpha/main")]
    [InlineData("repo=acme/beta&status=Built", "")]
    [InlineData("top=3", "alpha/main alpha/feature beta/main")]
    public async Task Runs_are_filtered_by_repository_branch_and_status(string query, string expected)
    {
        var answer = await _app.GetAsync($"api/runs?{query}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var listed = answer.Body.GetProperty("runs").EnumerateArray()
            .Select(r => $"{r.GetProperty("repository").GetString()![5..]}/{r.GetProperty("branch").GetString()}")
            .Order().ToList();
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), listed);
    }

    [Theory]
    [InlineData("", "beta/main,alpha/feature,alpha/main")]
    [InlineData("repo=acme/alpha", "alpha/feature,alpha/main")]
    [InlineData("branch=main", "beta/main,alpha/main")]
    public async Task Runs_come_newest_first_one_page_at_a_time(string filter, string expected)
    {
        var listed = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/runs?top=1&{filter}");
            if (token is not null) request.Headers.Add("x-ms-continuation-token", token);
            var answer = await _app.SendAsync(request);
            var page = answer.Body.GetProperty("runs").EnumerateArray().ToList();
            Assert.True(page.Count <= 1, answer.ToString());
            listed.AddRange(page.Select(r => $"{r.GetProperty("repository").GetString()![5..]}/{r.GetProperty("branch").GetString()}"));
            token = answer.Text("continuationToken") is { Length: > 0 } next ? next : null;
        }
        while (token is not null);

        Assert.Equal(expected, string.Join(",", listed));
    }

    [Theory]
    [InlineData("api/runs?continuationToken=garbage%20token", null)]
    [InlineData("api/runs", "garbage token")]
    public async Task A_continuation_token_the_api_did_not_give_out_is_a_bad_request(string path, string? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null) request.Headers.Add("x-ms-continuation-token", header);

        var answer = await _app.SendAsync(request);

        GitHubWebhookRefusalTests.AssertProblem(answer, HttpStatusCode.BadRequest, "continuationToken");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    public async Task A_page_size_out_of_range_is_a_bad_request_naming_top(string top)
    {
        var answer = await _app.GetAsync($"api/runs?top={top}");

        GitHubWebhookRefusalTests.AssertProblem(answer, HttpStatusCode.BadRequest, "top");
        Assert.Contains("top", answer.Text("detail"));
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_bad_request_listing_the_statuses()
    {
        var answer = await _app.GetAsync("api/runs?status=Bogus");
        var known = await _app.GetAsync("api/runs?status=superseded");

        GitHubWebhookRefusalTests.AssertProblem(answer, HttpStatusCode.BadRequest, "status");
        Assert.Equal("status must be one of Queued, Running, Succeeded, Failed, Canceled, Validated, Built, Superseded.", answer.Text("detail"));
        Assert.Equal(HttpStatusCode.OK, known.Status);
    }

    [Theory]
    [InlineData("api/runs/run-00000000-0000-0000-0000-000000000000", "id")]
    [InlineData("api/runs/deploy-queue-acme.alpha-dev", "id")]
    [InlineData("api/runs/run-00000000-0000-0000-0000-000000000000/logs/checks-unit", "id")]
    public async Task An_unknown_run_is_not_found(string path, string field)
    {
        GitHubWebhookRefusalTests.AssertProblem(await _app.GetAsync(path), HttpStatusCode.NotFound, field);
    }

    [Fact]
    public async Task A_step_the_run_does_not_have_is_not_found()
    {
        var answer = await _app.GetAsync($"api/runs/{runs.FailedRun}/logs/checks-unit");

        GitHubWebhookRefusalTests.AssertProblem(answer, HttpStatusCode.NotFound, "step");
        Assert.Contains("checks-unit", answer.Text("detail"));
    }

    [Theory]
    [InlineData("api/runs", null)]
    [InlineData("api/runs/{run}", null)]
    [InlineData("api/runs/{run}/logs/checkout", null)]
    [InlineData("api/runs", "not-the-key")]
    public async Task The_run_api_needs_a_function_key(string path, string? key)
    {
        using var anonymous = new HttpClient { BaseAddress = _app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("{run}", runs.FailedRun, StringComparison.Ordinal));
        if (key is not null) request.Headers.Add("x-functions-key", key);

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>One app and its three runs, shared by the tests above (they only read).</summary>
    public sealed class ThreeRuns : IAsyncLifetime
    {
        private const string Pipeline = "name: tiny\nservices:\n  - name: tiny\n";
        private const string MissingCommit = "1234567890abcdef1234567890abcdef12345678";
        private TempGitRepository? _repository;

        public FunctionsApp App { get; private set; } = null!;
        public string FailedRun { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _repository = await TempGitRepository.CreateAsync();
            var sha = await _repository.CommitAsync("tiny", new Dictionary<string, string> { ["pipeline.yml"] = Pipeline });
            App = await FunctionsApp.StartAsync(new Dictionary<string, string>
            {
                ["PIPELINES_REPOSITORIES"] = $"acme/alpha={_repository.CloneUrl};acme/beta={_repository.CloneUrl}",
            });
            var ids = new List<string>();
            foreach (var (repository, branch, commit) in new[] { ("acme/alpha", "main", sha), ("acme/alpha", "feature", sha), ("acme/beta", "main", MissingCommit) })
            {
                var answer = await App.SendAsync(WebhookDeliveries.Signed("push", CorpusDeliveries.Push(branch, commit, repository)));
                Assert.Equal(HttpStatusCode.Accepted, answer.Status);
                ids.Add(answer.Text("runId")!);
            }
            var finished = await Task.WhenAll(ids.Select(id => App.WaitForRunAsync(id)));
            Assert.Equal(["Built", "Built", "Failed"], finished.Select(r => r.GetProperty("run").GetProperty("status").GetString()));
            FailedRun = ids[2];
        }

        public async Task DisposeAsync()
        {
            if (App is not null) await App.DisposeAsync();
            _repository?.Dispose();
        }
    }
}
