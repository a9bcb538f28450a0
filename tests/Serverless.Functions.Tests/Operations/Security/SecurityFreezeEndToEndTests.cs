using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Functions.Tests.EndToEnd;
using Serverless.Testing.Local;
using Serverless.Testing.Slack;
using Xunit.Abstractions;

namespace Serverless.Functions.Tests.Operations.Security;

/// <summary>
/// The real function app: a scan that finds an exposed secret freezes the repository's deployments, the next run
/// stops before deploying with the reason, and after a clean scan a run deploys again.
/// </summary>
public sealed class SecurityFreezeEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repository = "acme/hello-service";
    private const string Secret = "security-webhook-secret";
    private const string FunctionKey = "security-function-key";
    private const string MasterKey = "security-master-key-0123456789";

    private readonly TempDirectory _data = new("security-e2e");
    private TempGitRepository _repository = null!;
    private FakeSlackWebhook _slack = null!;
    private FunctionsHostProcess _host = null!;
    private HttpClient _http = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _repository = await TempGitRepository.CreateAsync("dev");
        _slack = await FakeSlackWebhook.StartAsync();
        _host = await FunctionsHostProcess.StartAsync(FreePort.Next(), new Dictionary<string, string>
        {
            ["PIPELINES_DATA_DIR"] = _data.Path,
            ["GITHUB_WEBHOOK_SECRET"] = Secret,
            ["PIPELINES_REPOSITORIES"] = $"{Repository}={_repository.CloneUrl}",
            ["PIPELINES_FUNCTION_KEY"] = FunctionKey,
            ["PIPELINES_MASTER_KEY"] = MasterKey,
            ["SECURITY_SCAN_BRANCH"] = "dev",
            ["SLACK_WEBHOOK_URL"] = _slack.WebhookUrl.ToString(),
            ["LocalTarget__Ports__dev"] = FreePort.Next().ToString(),
            ["LocalTarget__Ports__staging"] = FreePort.Next().ToString(),
            ["LocalTarget__Ports__production"] = FreePort.Next().ToString(),
        });
        _http = new HttpClient { BaseAddress = _host.BaseUrl };
        _http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        _admin = new HttpClient { BaseAddress = _host.BaseUrl };
    }

    [Fact]
    public async Task Exposed_secrets_freeze_deployments_until_a_clean_scan()
    {
        Assert.Contains("SecurityScanTimer: timerTrigger (0 0 2 * * *, UTC) — disabled by AzureWebJobs.SecurityScanTimer.Disabled", _host.Output);
        Assert.Contains("HealthCheckTimer: timerTrigger (0 */15 * * * *, UTC) — disabled by AzureWebJobs.HealthCheckTimer.Disabled", _host.Output);
        var files = SampleFiles();
        files["config/credentials.txt"] = $"token = \"{FakeToken()}\"\n";
        var leaked = await _repository.CommitAsync("Add credentials", files);

        var scan = await ScanAsync();
        Assert.True(scan.GetProperty("frozen").GetBoolean(), scan.ToString());
        Assert.Equal(1, scan.GetProperty("secrets").GetInt32());
        var report = await _http.GetFromJsonAsync<JsonElement>($"api/security/reports/{Repository}/latest");
        Assert.Equal("2.1.0", report.GetProperty("version").GetString());
        Assert.Contains(_slack.Messages, m => m.Text!.Contains("Deployments are frozen", StringComparison.Ordinal));
        var overview = await _http.GetFromJsonAsync<JsonElement>("api/security");
        Assert.Equal(Repository, Assert.Single(overview.GetProperty("frozen").EnumerateArray()).GetString());
        var row = Assert.Single(overview.GetProperty("repositories").EnumerateArray());
        Assert.Equal((leaked, 1, true), (row.GetProperty("commitSha").GetString(), row.GetProperty("total").GetInt32(), row.GetProperty("freeze").GetProperty("active").GetBoolean()));
        Assert.Equal(1, row.GetProperty("findings").GetProperty("critical").GetInt32() + row.GetProperty("findings").GetProperty("high").GetInt32());

        File.Delete(Path.Combine(_repository.Path, "config", "credentials.txt"));
        var fixedCommit = await _repository.CommitAsync("Remove credentials", new Dictionary<string, string>());
        var frozenRun = await WaitForRunAsync(await PushAsync(leaked, fixedCommit, "Remove credentials"));
        Assert.Equal("Failed", frozenRun.GetProperty("run").GetProperty("status").GetString());
        Assert.StartsWith($"Deployments of {Repository} are frozen: 1 exposed secret(s) found by the security scan at ", frozenRun.GetProperty("reason").GetString());
        Assert.True(frozenRun.GetProperty("deployedVersion").ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);

        using (var noReason = await AdminPostAsync(new { by = "ops" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Equal("reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        var clean = await ScanAsync();
        using (var notFrozen = await AdminPostAsync(new { reason = "already clean", by = "ops" }))
            Assert.Equal(HttpStatusCode.NotFound, notFrozen.StatusCode);
        Assert.False(clean.GetProperty("frozen").GetBoolean(), clean.ToString());
        var cleanOverview = await _http.GetFromJsonAsync<JsonElement>("api/security");
        Assert.Empty(cleanOverview.GetProperty("frozen").EnumerateArray());
        Assert.Equal(0, cleanOverview.GetProperty("repositories")[0].GetProperty("total").GetInt32());

        var next = await _repository.CommitAsync("Touch the readme", new Dictionary<string, string> { ["NOTES.md"] = "clean\n" });
        var deployed = await WaitForRunAsync(await PushAsync(fixedCommit, next, "Touch the readme"));
        Assert.Equal("Succeeded", deployed.GetProperty("run").GetProperty("status").GetString());

        await _repository.CommitAsync("Leak again", new Dictionary<string, string> { ["config/credentials.txt"] = $"token = \"{FakeToken()}\"\n" });
        Assert.True((await ScanAsync()).GetProperty("frozen").GetBoolean());
        using var noAdmin = await _http.PostAsJsonAsync($"api/security/freeze/{Repository}/override", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, noAdmin.StatusCode);
        using var tooLong = await AdminPostAsync(new { reason = new string('x', 501), by = "mona" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("reason", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Contains(Repository, (await _http.GetFromJsonAsync<JsonElement>("api/security")).GetProperty("frozen").EnumerateArray().Select(r => r.GetString()));
        using var lifted = await AdminPostAsync(new { reason = "token revoked", by = "mona" });
        var liftedBody = await lifted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        Assert.Equal(("mona", "token revoked", false), (liftedBody.GetProperty("liftedBy").GetString(), liftedBody.GetProperty("reason").GetString(), liftedBody.GetProperty("frozen").GetBoolean()));
        using var again = await AdminPostAsync(new { reason = "twice", by = "mona" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private static string FakeToken()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var random = new Random(42);
        return "gh" + "p_" + new string(Enumerable.Range(0, 36).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private async Task<JsonElement> ScanAsync()
    {
        using var response = await _http.PostAsync("api/security/scan", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        JsonElement instance = default;
        await Eventually.TrueAsync(async () =>
        {
            instance = await _admin.GetFromJsonAsync<JsonElement>($"runtime/webhooks/durabletask/instances/{id}?code={SystemKey()}");
            return instance.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed";
        }, "the scan finishes", TimeSpan.FromMinutes(2));
        Assert.True(instance.GetProperty("runtimeStatus").GetString() == "Completed", instance.ToString());
        return Assert.Single(instance.GetProperty("output").EnumerateArray());
    }

    private Task<HttpResponseMessage> AdminPostAsync(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/security/freeze/{Repository}/override") { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", MasterKey);
        return _admin.SendAsync(request);
    }

    private string SystemKey() =>
        System.Text.RegularExpressions.Regex.Match(_host.Output, @"durabletask/instances\?code=(?<key>\S+)").Groups["key"].Value;

    private Task<string> PushAsync(string before, string after, string message) => RunApi.PushAsync(_http, Secret, Repository, "dev", before, after, message);

    private Task<JsonElement> WaitForRunAsync(string runId) => RunApi.WaitForRunAsync(_http, runId);

    private static Dictionary<string, string> SampleFiles() => RunApi.SampleFiles();

    public async Task DisposeAsync()
    {
        output.WriteLine(_host?.Output ?? "");
        _http?.Dispose();
        _admin?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        await _slack.DisposeAsync();
        _repository.Dispose();
        _data.Dispose();
    }
}
