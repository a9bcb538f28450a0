using System.Runtime.Versioning;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

public sealed class LocalRunnerCheckoutTests : IAsyncLifetime
{
    private readonly TempDirectory _work = new("checkout");
    private TempGitRepository _repository = null!;
    private string _first = null!;
    private string _second = null!;

    public async Task InitializeAsync()
    {
        _repository = await TempGitRepository.CreateAsync();
        _first = await _repository.CommitAsync("first", new Dictionary<string, string> { ["app.txt"] = "version one" });
        _second = await _repository.CommitAsync("second", new Dictionary<string, string> { ["app.txt"] = "version two", ["new.txt"] = "added" });
        await _repository.CheckoutAsync(_first);
    }

    public Task DisposeAsync()
    {
        _repository.Dispose();
        _work.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Checks_out_exactly_the_pushed_commit_not_the_repository_head()
    {
        var workspace = _work.Combine("ws");

        var result = await new LocalRunner().CheckoutAsync(_repository.CloneUrl, _second, workspace);

        Assert.Equal(_second, result.CommitSha);
        Assert.Equal(CheckoutMethod.ShallowFetch, result.Method);
        Assert.Equal(_second, await Git.RunAsync(workspace, "rev-parse", "HEAD"));
        Assert.Equal("version two", await File.ReadAllTextAsync(Path.Combine(workspace, "app.txt")));
        Assert.True(File.Exists(Path.Combine(workspace, "new.txt")));
        Assert.Equal(_repository.CloneUrl, await Git.RunAsync(workspace, "remote", "get-url", "origin"));
    }

    [Fact]
    public async Task Checkout_from_a_plain_path_and_again_into_the_same_workspace_replaces_it()
    {
        var workspace = _work.Combine("ws");
        var runner = new LocalRunner();
        await runner.CheckoutAsync(_repository.Path, _second, workspace);
        await File.WriteAllTextAsync(Path.Combine(workspace, "leftover.txt"), "from a failed attempt");

        await runner.CheckoutAsync(_repository.Path, _first.ToUpperInvariant(), workspace);

        Assert.Equal(_first, await Git.RunAsync(workspace, "rev-parse", "HEAD"));
        Assert.False(File.Exists(Path.Combine(workspace, "leftover.txt")));
        Assert.False(File.Exists(Path.Combine(workspace, "new.txt")));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Falls_back_to_a_full_clone_when_the_server_refuses_a_commit_by_id()
    {
        var git = _work.Combine("git-protocol-v0.sh");
        await File.WriteAllTextAsync(git, "#!/bin/sh\nexec git -c protocol.version=0 \"$@\"\n");
        File.SetUnixFileMode(git, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await _repository.CheckoutAsync("main");
        var workspace = _work.Combine("ws");

        var result = await new LocalRunner(new LocalRunnerOptions { Git = git }).CheckoutAsync(_repository.CloneUrl, _first, workspace);

        Assert.Equal(CheckoutMethod.FullClone, result.Method);
        Assert.Equal(_first, await Git.RunAsync(workspace, "rev-parse", "HEAD"));
    }

    [Fact]
    public async Task A_missing_commit_fails_with_gits_error()
    {
        const string missing = "0123456789abcdef0123456789abcdef01234567";

        var error = await Assert.ThrowsAsync<CheckoutException>(() =>
            new LocalRunner().CheckoutAsync(_repository.CloneUrl, missing, _work.Combine("ws")));

        Assert.Equal(missing, error.CommitSha);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("exit code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_in_the_clone_url_stay_out_of_the_error()
    {
        var url = $"http://deploy-bot:hunter2-token@127.0.0.1:{FreePort.Next()}/acme/app.git";

        var error = await Assert.ThrowsAsync<CheckoutException>(() =>
            new LocalRunner().CheckoutAsync(url, _second, _work.Combine("ws")));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Repository, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("zz23456789abcdef0123456789abcdef01234567")]
    [InlineData("")]
    public async Task Abbreviated_or_malformed_commit_ids_are_refused(string sha)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new LocalRunner().CheckoutAsync(_repository.CloneUrl, sha, _work.Combine("ws")));
        Assert.Contains("full commit id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleanup_deletes_the_workspace_and_refuses_roots()
    {
        var workspace = Directory.CreateDirectory(_work.Combine("ws", "deep")).Parent!.FullName;
        var runner = new LocalRunner();

        runner.CleanupWorkspace(workspace);
        runner.CleanupWorkspace(workspace);

        Assert.False(Directory.Exists(workspace));
        Assert.Throws<ArgumentException>(() => runner.CleanupWorkspace("/"));
        Assert.Throws<ArgumentException>(() => runner.CleanupWorkspace("relative/path"));
    }
}
