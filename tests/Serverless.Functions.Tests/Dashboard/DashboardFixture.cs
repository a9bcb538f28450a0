using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Serverless.Functions.Tests.EndToEnd;
using Serverless.Testing.GitHub;
using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// One real function app (as <see cref="ApprovalWalkthroughTests"/> starts it: a git repository holding the sample
/// service, fake GitHub, local target ports for dev, staging and production, team release = alice, bob, octocat)
/// and one headless Debian Chromium driven by Playwright, for every dashboard test.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Repository = "acme/hello-service";
    /// <summary>A second repository whose main branch holds an exposed key, for the security scan to freeze.</summary>
    public const string LeakyRepository = "acme/leaky-service";
    public const string Service = "hello-service";
    public const string Secret = "dashboard-webhook-secret";
    public const string FunctionKey = "dashboard-function-key";
    public const string MasterKey = "dashboard-master-key";
    /// <summary>Debian's Chromium, or the browser CHROMIUM_PATH names.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Three checks and a scan run side by side; <c>greet</c> echoes <see cref="GreetLogLine"/> into its log.</summary>
    public const string GreetLogLine = "greetings from the dashboard check";
    public const string Pipeline = """
        name: hello-service
        services:
          - name: hello-service
            path: .
            build: node build.js
            run: node out/server.js
            health: /health
        checks:
          lint: node --check server.js && node --check build.js
          greet: echo "greetings from the dashboard check"
          mode: sh mode-check.sh
        scans:
          secrets: builtin
        environments:
          dev: { branch: dev, strategy: rolling, target: local, health: { timeout: 20s } }
          staging:
            branch: staging
            strategy: blue-green
            target: local
            approvals: { required: 2, timeout: 1h, approvers: [team:release] }
        """;

    /// <summary>
    /// The <c>mode</c> check does what the first line of the commit's MODE file says: <c>slow</c> prints a line, waits
    /// until the file named on MODE's second line exists (the test creates it once it has watched; two minutes at
    /// most), prints another (a log to watch stream); <c>fail</c> fails the run; anything else passes at once.
    /// </summary>
    public const string ModeCheck = """
        case "$(head -n 1 MODE 2>/dev/null)" in
          slow) echo "slow check: first line"; release="$(sed -n 2p MODE)"; i=0
                while [ ! -e "$release" ] && [ $i -lt 600 ]; do sleep 0.2; i=$((i+1)); done
                echo "slow check: second line" ;;
          fail) echo "the mode check fails on purpose"; exit 1 ;;
          *) echo "nothing to do" ;;
        esac
        """;

    /// <summary>Created by a test to let the <c>slow</c> mode check finish.</summary>
    public string SlowCheckRelease => _data.Combine("release-slow-check");

    /// <summary>How long pipeline progress may take on a busy CI machine.</summary>
    public static readonly TimeSpan PipelineTimeout = TimeSpan.FromMinutes(2);
    public const float UiTimeoutMs = 90_000;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly TempDirectory _data = new("functions-dashboard");
    private readonly SemaphoreSlim _git = new(1, 1);
    private readonly SemaphoreSlim _shared = new(1, 1);
    private TempGitRepository? _repository;
    private TempGitRepository? _leaky;
    private FakeGitHubApi? _gitHub;
    private IPlaywright? _playwright;
    private string? _head;
    private string? _succeededDevRun;
    private string? _waitingStagingRun;

    public FunctionsHostProcess Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public int DevPort { get; private set; }
    public int StagingPort { get; private set; }
    public string BaseUrl => Host.BaseUrl.ToString();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}; the dashboard tests need it. Install it with: apt-get install -y chromium, or set CHROMIUM_PATH (never `playwright install`).");

        Assertions.SetDefaultExpectTimeout(UiTimeoutMs);
        try
        {
            await LaunchChromiumAsync();
            await StartHostAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task LaunchChromiumAsync()
    {
        _playwright = await Playwright.CreateAsync();
        try
        {
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch (PlaywrightException error)
        {
            throw new InvalidOperationException(
                $"Could not launch {ChromiumPath} (install Debian's chromium with: apt-get install -y chromium): {error.Message}", error);
        }
    }

    private async Task StartHostAsync()
    {
        _repository = await TempGitRepository.CreateAsync("dev");
        _leaky = await TempGitRepository.CreateAsync("main");
        // Split so that this file does not hold a key-shaped string itself.
        await _leaky.CommitAsync("Oops, a key", new Dictionary<string, string> { ["settings.js"] = $"module.exports = {{ awsKey: '{"AKIA" + "Q7ZP4MX2KD9TWB3N"}' }};\n" });
        _gitHub = await FakeGitHubApi.StartAsync();
        DevPort = FreePort.Next();
        StagingPort = FreePort.Next();
        Host = await FunctionsHostProcess.StartAsync(FreePort.Next(), new Dictionary<string, string>
        {
            ["PIPELINES_DATA_DIR"] = _data.Path,
            ["GITHUB_WEBHOOK_SECRET"] = Secret,
            ["PIPELINES_REPOSITORIES"] = $"{Repository}={_repository.CloneUrl};{LeakyRepository}={_leaky.CloneUrl}",
            ["SECURITY_SCAN_SCHEDULE"] = "0 0 3 1 1 *",  // only "Scan now" scans during the tests
            ["PIPELINES_MASTER_KEY"] = MasterKey,
            ["PIPELINES_FUNCTION_KEY"] = FunctionKey,
            ["PIPELINES_TEAMS"] = "release=alice,bob,octocat",
            ["GITHUB_API_URL"] = _gitHub.BaseUrl.ToString(),
            ["GITHUB_TOKEN"] = _gitHub.ExpectedToken,
            ["LocalTarget__Ports__dev"] = DevPort.ToString(),
            ["LocalTarget__Ports__staging"] = StagingPort.ToString(),
            ["LocalTarget__Ports__production"] = FreePort.Next().ToString(),
        });
        Http = new HttpClient { BaseAddress = Host.BaseUrl };
        Http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);

        var files = RunApi.SampleFiles();
        files["pipeline.yml"] = Pipeline;
        files["mode-check.sh"] = ModeCheck + "\n";
        _head = await _repository.CommitAsync("Dashboard sample", files);
        await Git.RunAsync(_repository.Path, "branch", "main");  // the branch the security scan checks: clean here
    }

    /// <summary>A new browser context signed in through the sign-in form, showing <paramref name="route"/>.</summary>
    public async Task<DashboardSession> SignInAsync(string key = FunctionKey, string name = "octocat", string route = "#/runs", int width = 1280, int height = 800)
    {
        var session = await OpenAsync(width, height);
        await session.SignInAsync(key, name);
        if (route != "#/runs") await session.GoToAsync(route);
        return session;
    }

    /// <summary>A new browser context on the dashboard (of this fixture's host unless <paramref name="host"/> is given), not signed in.</summary>
    public async Task<DashboardSession> OpenAsync(int width = 1280, int height = 800, FunctionsHostProcess? host = null)
    {
        if (host is null) await DashboardIsServedAsync();
        var baseUrl = host?.BaseUrl.ToString() ?? BaseUrl;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(UiTimeoutMs);
        var page = await context.NewPageAsync();
        var session = new DashboardSession(this, context, page);
        await page.GotoAsync(baseUrl);
        return session;
    }

    /// <summary>Fails at once (rather than after every locator's timeout) when the host does not serve the dashboard at /.</summary>
    private async Task DashboardIsServedAsync()
    {
        using var response = await Http.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html",
            $"GET / should serve the dashboard (src/Functions/wwwroot/index.html) but answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {body[..Math.Min(body.Length, 300)]}");
    }

    /// <summary>Commits a change (NOTES.md, and MODE for the mode check) to the test repository; returns (before, after).</summary>
    public async Task<(string Before, string After)> CommitAsync(string message, string mode = "off")
    {
        await _git.WaitAsync();
        try
        {
            var before = _head!;
            _head = await _repository!.CommitAsync(message, new Dictionary<string, string>
            {
                ["NOTES.md"] = $"{message}\n{Guid.NewGuid()}\n",
                ["MODE"] = mode == "slow" ? $"slow\n{SlowCheckRelease}\n" : mode + "\n",
            });
            return (before, _head);
        }
        finally
        {
            _git.Release();
        }
    }

    /// <summary>Commits a change and pushes it to <paramref name="branch"/> with a signed webhook (pusher octocat); returns the run and commit.</summary>
    public async Task<(string RunId, string Commit)> PushAsync(string branch, string message, string mode = "off")
    {
        var (before, after) = await CommitAsync(message, mode);
        return (await RunApi.PushAsync(Http, Secret, Repository, branch, before, after, message), after);
    }

    public async Task<JsonElement> WaitForRunAsync(string runId) => await RunApi.WaitForRunAsync(Http, runId);

    public async Task<JsonElement> RunAsync(string runId) => await Http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");

    /// <summary>Waits until the run's approval gate for <paramref name="environment"/> is listed by GET /api/approvals.</summary>
    public Task WaitForGateAsync(string runId, string environment = "staging") =>
        Eventually.TrueAsync(
            async () => (await Http.GetFromJsonAsync<JsonElement>("api/approvals")).GetProperty("approvals").EnumerateArray()
                .Any(gate => gate.GetProperty("runId").GetString() == runId && gate.GetProperty("environment").GetString() == environment),
            $"the {environment} gate of {runId} is listed by /api/approvals",
            PipelineTimeout);

    /// <summary>A run that went live on dev (pushed once, shared by the tests that only need some finished run).</summary>
    public async Task<string> SucceededDevRunAsync()
    {
        await _shared.WaitAsync();
        try
        {
            if (_succeededDevRun is null)
            {
                var (runId, _) = await PushAsync("dev", "A dev run for the dashboard pages");
                var run = await WaitForRunAsync(runId);
                Assert.True(run.GetProperty("run").GetProperty("status").GetString() == "Succeeded", $"the shared dev run did not succeed: {run}");
                _succeededDevRun = runId;
            }
            return _succeededDevRun;
        }
        finally
        {
            _shared.Release();
        }
    }

    /// <summary>A staging run left waiting at its approval gate (so the Approvals page has something to show).</summary>
    public async Task<string> WaitingStagingRunAsync()
    {
        await _shared.WaitAsync();
        try
        {
            if (_waitingStagingRun is null)
            {
                var (runId, _) = await PushAsync("staging", "A staging run left waiting for approval");
                await WaitForGateAsync(runId);
                _waitingStagingRun = runId;
            }
            return _waitingStagingRun;
        }
        finally
        {
            _shared.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
            Directory.CreateDirectory(Artifacts.Folder);
            await File.WriteAllTextAsync(Path.Combine(Artifacts.Folder, "dashboard-host.log"), Host.Output);
        }
        if (_gitHub is not null) await _gitHub.DisposeAsync();
        _repository?.Dispose();
        _leaky?.Dispose();
        _data.Dispose();
        _git.Dispose();
        _shared.Dispose();
    }
}
