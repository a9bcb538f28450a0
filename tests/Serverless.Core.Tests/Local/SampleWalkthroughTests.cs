using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

/// <summary>The README walkthrough without the host: push-sample.sh, then checkout, test, build and deploy of what it pushed.</summary>
public sealed class SampleWalkthroughTests : IAsyncLifetime
{
    private const string Secret = "walkthrough-secret";

    private readonly TempDirectory _temp = new("walkthrough");
    private WebhookReceiver _receiver = null!;

    private string RepoDirectory => _temp.Combine("hello-service-repo");

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task The_push_script_sends_a_signed_push_webhook_shaped_like_githubs()
    {
        await PushAsync("--branch", "dev", "--message", "First version");
        var first = await Git.RunAsync(RepoDirectory, "rev-parse", "HEAD");
        await PushAsync("--branch", "dev");
        var second = await Git.RunAsync(RepoDirectory, "rev-parse", "HEAD");

        Assert.Equal(2, _receiver.Received.Count);
        var webhook = _receiver.Received[0];
        Assert.Equal("/api/github/webhook", webhook.Path);
        Assert.Equal("push", webhook.Headers["X-GitHub-Event"]);
        Assert.True(Guid.TryParse(webhook.Headers["X-GitHub-Delivery"], out _));
        Assert.StartsWith("application/json", webhook.Headers["Content-Type"], StringComparison.Ordinal);
        var expectedSignature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), webhook.Body));
        Assert.Equal(expectedSignature, webhook.Headers["X-Hub-Signature-256"]);

        using var payload = JsonDocument.Parse(webhook.Body);
        var root = payload.RootElement;
        Assert.Equal("refs/heads/dev", root.GetProperty("ref").GetString());
        Assert.Equal(new string('0', 40), root.GetProperty("before").GetString());
        Assert.Equal(first, root.GetProperty("after").GetString());
        var repository = root.GetProperty("repository");
        Assert.Equal("local/hello-service", repository.GetProperty("full_name").GetString());
        Assert.Equal("hello-service", repository.GetProperty("name").GetString());
        Assert.Equal("local", repository.GetProperty("owner").GetProperty("login").GetString());
        Assert.Equal("local", repository.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal("https://github.com/local/hello-service.git", repository.GetProperty("clone_url").GetString());
        Assert.Equal("main", repository.GetProperty("default_branch").GetString());
        var head = root.GetProperty("head_commit");
        Assert.Equal(first, head.GetProperty("id").GetString());
        Assert.Equal("First version", head.GetProperty("message").GetString());
        Assert.True(DateTimeOffset.TryParse(head.GetProperty("timestamp").GetString(), out _));
        Assert.Equal("Sample Pusher", head.GetProperty("author").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(head.GetProperty("author").GetProperty("username").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("pusher").GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("sender").GetProperty("login").GetString()));

        using var next = JsonDocument.Parse(_receiver.Received[1].Body);
        Assert.Equal(first, next.RootElement.GetProperty("before").GetString());
        Assert.Equal(second, next.RootElement.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Without_a_secret_the_script_refuses_to_send()
    {
        var (exitCode, output) = await RunScriptAsync(secret: null, "--url", WebhookUrl(), RepoDirectory);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("GITHUB_WEBHOOK_SECRET", output, StringComparison.Ordinal);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task A_pushed_commit_is_checked_out_tested_built_and_deployed_and_an_unhealthy_push_never_goes_live()
    {
        await PushAsync("--branch", "dev");
        var healthy = await Git.RunAsync(RepoDirectory, "rev-parse", "HEAD");
        await PushAsync("--branch", "dev", "--unhealthy");
        var unhealthy = await Git.RunAsync(RepoDirectory, "rev-parse", "HEAD");
        var artifacts = new FileArtifactStore(_temp.Combine("artifacts"));
        var runner = new LocalRunner();
        var port = FreePort.Next();
        await using var target = new LocalTarget(
            new LocalTargetOptions { DataDirectory = _temp.Combine("target"), Ports = new Dictionary<string, int> { ["dev"] = port }, HealthPollInterval = TimeSpan.FromMilliseconds(50) },
            artifacts);

        var first = await BuildAndDeployAsync(runner, artifacts, target, healthy, TimeSpan.FromSeconds(20));
        Assert.Equal(DeploymentOutcome.Live, first.Outcome);
        using var client = new HttpClient();
        var served = await client.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{port}/"));
        Assert.Equal(healthy, served.GetProperty("version").GetString());
        var release = Assert.Single(Directory.GetDirectories(_temp.Combine("target", "releases", "dev", "hello-service")));
        Assert.True(File.Exists(Path.Combine(release, "out", "server.js")));
        Assert.False(Directory.Exists(Path.Combine(release, ".git")));

        var second = await BuildAndDeployAsync(runner, artifacts, target, unhealthy, TimeSpan.FromSeconds(3));
        Assert.Equal(DeploymentOutcome.Unhealthy, second.Outcome);
        served = await client.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{port}/"));
        Assert.Equal(healthy, served.GetProperty("version").GetString());
    }

    private async Task<DeploymentResult> BuildAndDeployAsync(LocalRunner runner, IArtifactStore artifacts, LocalTarget target, string sha, TimeSpan healthTimeout)
    {
        var workspace = _temp.Combine("ws", sha);
        await runner.CheckoutAsync(new Uri(RepoDirectory).AbsoluteUri, sha, workspace);
        foreach (var (step, command) in new[] { ("unit", "node test.js"), ("build", "node build.js") })
        {
            var result = await runner.RunStepAsync(
                new StepRequest { Workspace = workspace, Command = command, Timeout = TimeSpan.FromMinutes(1), LogName = $"runs/{sha}/{step}.log" },
                artifacts);
            Assert.True(result.Succeeded, string.Join('\n', result.Tail));
        }

        var deployment = await target.DeployAsync(new DeploymentRequest
        {
            Environment = "dev",
            Service = "hello-service",
            Version = sha,
            ReleaseDirectory = workspace,
            RunCommand = HelloServiceBuild.RunCommand,
            HealthPath = HelloServiceBuild.HealthPath,
            HealthTimeout = healthTimeout,
        });
        runner.CleanupWorkspace(workspace);
        return deployment;
    }

    private string WebhookUrl() => $"http://127.0.0.1:{_receiver.Port}/api/github/webhook";

    private async Task PushAsync(params string[] options)
    {
        var (exitCode, output) = await RunScriptAsync(Secret, [.. options, "--url", WebhookUrl(), RepoDirectory]);
        Assert.True(exitCode == 0, output);
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string? secret, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepositoryPaths.PushSampleScript);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (secret is null)
        {
            startInfo.Environment.Remove("GITHUB_WEBHOOK_SECRET");
        }
        else
        {
            startInfo.Environment["GITHUB_WEBHOOK_SECRET"] = secret;
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
