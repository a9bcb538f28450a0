using System.Net;
using System.Net.Http.Json;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

/// <summary>The local target end to end with the real sample service (node) behind a real public port.</summary>
public sealed class LocalTargetTests : IAsyncLifetime
{
    private const string Service = "hello-service";

    private readonly TempDirectory _temp = new("local-target");
    private readonly HttpClient _client = new();
    private readonly int _devPort = FreePort.Next();
    private FileArtifactStore _artifacts = null!;
    private LocalTarget _target = null!;

    public Task InitializeAsync()
    {
        _artifacts = new FileArtifactStore(_temp.Combine("artifacts"));
        _target = NewTarget();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        _client.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Rolling_deploys_switch_the_public_port_and_an_unhealthy_version_never_gets_traffic()
    {
        var v1 = await DeployAsync("v1");
        Assert.Equal(DeploymentOutcome.Live, v1.Outcome);
        Assert.Equal(_devPort, v1.PublicPort);
        Assert.Equal($"v1 is live in dev on port {_devPort}.", v1.Message);
        Assert.Equal("v1", await ServedVersionAsync());

        var v2 = await DeployAsync("v2");
        Assert.Equal(DeploymentOutcome.Live, v2.Outcome);
        Assert.Equal("v1", v2.PreviousVersion);
        Assert.Equal("v2", await ServedVersionAsync());

        var v3 = await DeployAsync("v3", unhealthy: true, healthTimeout: TimeSpan.FromSeconds(20));
        Assert.Equal(DeploymentOutcome.Unhealthy, v3.Outcome);
        Assert.False(v3.Succeeded);
        Assert.Contains("did not answer /health with 200", v3.Message, StringComparison.Ordinal);
        Assert.True(v3.Message.Contains("status 500", StringComparison.Ordinal), v3.Message);
        Assert.Equal("v2", await ServedVersionAsync());

        var service = ServiceState();
        Assert.Equal(("v2", "v1"), (service.Live!.Version, service.Previous!.Version));
        Assert.Null(service.Candidate);
        Assert.NotEqual(service.Live.Slot, service.Previous.Slot);
        Assert.True(service.Live.Running && service.Previous.Running);
        // Below every OS's ephemeral range, so no outgoing connection can take a version's port before it binds.
        Assert.All(new[] { service.Live.Port, service.Previous.Port }, port => Assert.InRange(port, 10000, 19999));
        Assert.NotEqual(service.Live.Port, service.Previous.Port);
        var v3Log = await _artifacts.ReadAllTextAsync(v3.LogName);
        Assert.Contains("hello-service v3 listening", v3Log, StringComparison.Ordinal);
        // The deploy log says why the version never went live: the probe's answers, then the verdict.
        Assert.Contains("--- GET /health: status 500\n", v3Log, StringComparison.Ordinal);
        Assert.Contains("--- unhealthy: v3 did not answer /health with 200 within 20s (last: status 500).\n", v3Log, StringComparison.Ordinal);
        Assert.Equal(LocalTarget.LogNameFor("DEV", Service, "v3"), v3.LogName);
    }

    [Fact]
    public async Task Rollback_returns_to_the_previous_version_and_stops_the_failed_one()
    {
        await DeployAsync("v1");
        var v2 = await DeployAsync("v2");

        var rollback = await _target.RollbackAsync("dev", Service);

        Assert.Equal(RollbackOutcome.RolledBack, rollback.Outcome);
        Assert.Equal(("v1", "v2"), (rollback.LiveVersion, rollback.StoppedVersion));
        Assert.Equal("v1", await ServedVersionAsync());
        var service = ServiceState();
        Assert.Equal("v1", service.Live!.Version);
        Assert.Null(service.Previous);
        await Eventually.TrueAsync(async () => !await AnswersAsync(v2.InternalPort!.Value), "v2 stopped listening");
        Assert.Single(ReleaseFolders());

        var again = await _target.RollbackAsync("dev", Service);
        Assert.Equal(RollbackOutcome.NothingToRollBack, again.Outcome);
        Assert.Equal("v1", await ServedVersionAsync());
    }

    [Fact]
    public async Task Versions_beyond_live_and_previous_are_stopped_and_their_release_folders_deleted()
    {
        var v1 = await DeployAsync("v1");
        await DeployAsync("v2");
        await DeployAsync("v3");

        Assert.Equal(("v3", "v2"), (ServiceState().Live!.Version, ServiceState().Previous!.Version));
        await Eventually.TrueAsync(async () => !await AnswersAsync(v1.InternalPort!.Value), "v1 stopped listening");
        Assert.Equal(2, ReleaseFolders().Count);
        Assert.DoesNotContain(ReleaseFolders(), folder => Path.GetFileName(folder).StartsWith("v1-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploying_the_live_version_again_changes_nothing()
    {
        var first = await DeployAsync("v1");

        var again = await DeployAsync("v1");

        Assert.Equal(DeploymentOutcome.Live, again.Outcome);
        Assert.Equal(first.InternalPort, again.InternalPort);
        Assert.Contains("already live", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_target_on_the_same_data_directory_restores_live_and_previous_on_the_same_public_port()
    {
        await DeployAsync("v1");
        await DeployAsync("v2");
        await _target.DisposeAsync();
        await Eventually.TrueAsync(async () => !await AnswersAsync(_devPort), "the public port closed with the target");

        _target = NewTarget();
        await _target.RestoreAsync();

        Assert.Equal("v2", await ServedVersionAsync());
        var service = ServiceState();
        Assert.Equal(("v2", "v1"), (service.Live!.Version, service.Previous!.Version));
        Assert.True(service.Previous.Running);

        var rollback = await _target.RollbackAsync("dev", Service);
        Assert.Equal("v1", rollback.LiveVersion);
        Assert.Equal("v1", await ServedVersionAsync());
    }

    [Fact]
    public async Task A_candidate_waits_in_the_idle_slot_takes_a_weighted_share_and_is_promoted_without_a_restart()
    {
        await DeployAsync("v1");

        var candidate = await DeployAsync("v2", shiftTraffic: false);
        Assert.Equal(DeploymentOutcome.Candidate, candidate.Outcome);
        Assert.Equal("v1", await ServedVersionAsync());

        await _target.SetTrafficAsync("dev", Service, 25);
        var served = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            served.Add(await ServedVersionAsync());
        }

        Assert.Equal(5, served.Count(v => v == "v2"));
        var stats = _target.GetTrafficStats("dev", Service, DateTimeOffset.MinValue, "v2");
        Assert.Equal((5, 0.0), (stats.Count, stats.ErrorRate));

        var promoted = await DeployAsync("v2");
        Assert.Equal(DeploymentOutcome.Live, promoted.Outcome);
        Assert.Equal(candidate.InternalPort, promoted.InternalPort);
        Assert.Equal("v2", await ServedVersionAsync());
        Assert.Equal(("v2", "v1", 0), (ServiceState().Live!.Version, ServiceState().Previous!.Version, ServiceState().CandidatePercent));
    }

    [Fact]
    public async Task Rolling_back_a_canary_stops_the_candidate_and_gives_all_traffic_to_the_live_version()
    {
        await DeployAsync("v1");
        await DeployAsync("v2", shiftTraffic: false);
        await _target.SetTrafficAsync("dev", Service, 50);

        var rollback = await _target.RollbackAsync("dev", Service);

        Assert.Equal(RollbackOutcome.CandidateStopped, rollback.Outcome);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("v1", await ServedVersionAsync());
        }

        Assert.Null(ServiceState().Candidate);
    }

    [Fact]
    public async Task A_version_that_exits_at_start_is_reported_with_its_output()
    {
        var release = await HelloServiceBuild.BuildAsync(_temp.Combine("build-crash"), "crash");

        var result = await _target.DeployAsync(Request("crash", release) with { RunCommand = "echo 'config missing' >&2; exit 7" });

        Assert.Equal(DeploymentOutcome.Unhealthy, result.Outcome);
        Assert.Contains("exited with code 7", result.Message, StringComparison.Ordinal);
        Assert.Contains("config missing", result.LogTail);
        Assert.Contains("--- unhealthy: crash exited with code 7", await _artifacts.ReadAllTextAsync(result.LogName), StringComparison.Ordinal);
        Assert.Empty(ReleaseFolders());
    }

    [Fact]
    public async Task Stopping_a_version_keeps_the_live_one()
    {
        await DeployAsync("v1");
        await DeployAsync("v2");

        Assert.True(await _target.StopVersionAsync("dev", Service, "v1"));
        Assert.False(await _target.StopVersionAsync("dev", Service, "v1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _target.StopVersionAsync("dev", Service, "v2"));

        Assert.Null(ServiceState().Previous);
        Assert.Equal("v2", await ServedVersionAsync());
    }

    [Fact]
    public async Task Requests_naming_an_unknown_environment_or_bad_names_are_refused()
    {
        var release = _temp.Combine("nothing");

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => _target.DeployAsync(Request("v1", release) with { Environment = "qa" }));
        Assert.Contains("LocalTarget:Ports:qa", unknown.Message, StringComparison.Ordinal);
        var badVersion = await Assert.ThrowsAsync<ArgumentException>(() => _target.DeployAsync(Request("../v1", release)));
        Assert.Contains("Version '../v1' is invalid", badVersion.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => _target.DeployAsync(Request("v1", release)));
    }

    [Fact]
    public void Options_default_to_ports_8081_to_8083_and_name_every_bad_field()
    {
        var defaults = new LocalTargetOptions();
        Assert.Equal(new Dictionary<string, int> { ["dev"] = 8081, ["staging"] = 8082, ["production"] = 8083 }, defaults.Ports);
        Assert.Equal(TimeSpan.FromMilliseconds(250), defaults.HealthPollInterval);
        Assert.Empty(defaults.Validate());

        var bad = new LocalTargetOptions { DataDirectory = "", HealthPollInterval = TimeSpan.Zero };
        bad.Ports["qa"] = 8081;
        bad.Ports["bad name"] = 70000;
        var errors = string.Join("\n", bad.Validate());

        Assert.Contains("LocalTarget:DataDirectory", errors, StringComparison.Ordinal);
        Assert.Contains("LocalTarget:HealthPollInterval", errors, StringComparison.Ordinal);
        Assert.Contains("port 8081 is given to more than one environment", errors, StringComparison.Ordinal);
        Assert.Contains("LocalTarget:Ports:bad name must be a port", errors, StringComparison.Ordinal);
        Assert.Contains("LocalTarget:Ports:bad name is not a valid environment name", errors, StringComparison.Ordinal);
    }

    private LocalTarget NewTarget() => new(
        new LocalTargetOptions
        {
            DataDirectory = _temp.Combine("data"),
            Ports = new Dictionary<string, int> { ["dev"] = _devPort },
            HealthPollInterval = TimeSpan.FromMilliseconds(50),
            StopGracePeriod = TimeSpan.FromSeconds(3),
        },
        _artifacts);

    private async Task<DeploymentResult> DeployAsync(string version, bool unhealthy = false, bool shiftTraffic = true, TimeSpan? healthTimeout = null)
    {
        var release = await HelloServiceBuild.BuildAsync(_temp.Combine("build-" + version + "-" + Guid.NewGuid().ToString("N")[..6]), version, unhealthy);
        var request = Request(version, release) with { ShiftTraffic = shiftTraffic, HealthTimeout = healthTimeout ?? TimeSpan.FromSeconds(20) };
        var result = await _target.DeployAsync(request);
        Directory.Delete(release, recursive: true);
        return result;
    }

    private static DeploymentRequest Request(string version, string release) => new()
    {
        Environment = "dev",
        Service = Service,
        Version = version,
        ReleaseDirectory = release,
        RunCommand = HelloServiceBuild.RunCommand,
        HealthPath = HelloServiceBuild.HealthPath,
    };

    private ServiceState ServiceState() =>
        Assert.Single(Assert.Single(_target.GetState().Environments, e => e.Environment == "dev").Services);

    private List<string> ReleaseFolders()
    {
        var root = _temp.Combine("data", "releases", "dev", Service);
        return Directory.Exists(root) ? [.. Directory.EnumerateDirectories(root)] : [];
    }

    private async Task<string> ServedVersionAsync()
    {
        using var response = await _client.GetAsync(new Uri($"http://127.0.0.1:{_devPort}/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<HelloBody>();
        Assert.Equal(Service, body!.Service);
        return body.Version;
    }

    private async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var response = await _client.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private sealed record HelloBody(string Service, string Version, string Message);
}
