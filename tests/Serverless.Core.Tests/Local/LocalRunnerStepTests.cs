using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

public sealed class LocalRunnerStepTests : IDisposable
{
    private readonly TempDirectory _workspace = new("workspace");
    private readonly TempDirectory _artifactRoot = new("artifacts");
    private readonly FileArtifactStore _artifacts;
    private readonly LocalRunner _runner = new(new LocalRunnerOptions { KillGracePeriod = TimeSpan.FromSeconds(2) });

    public LocalRunnerStepTests()
    {
        _artifacts = new FileArtifactStore(_artifactRoot.Path);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _artifactRoot.Dispose();
    }

    [Fact]
    public async Task A_passing_step_logs_stdout_and_stderr_and_reports_exit_code_zero()
    {
        var result = await RunAsync("echo building; echo 'a warning' >&2; echo done");

        Assert.True(result.Succeeded);
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal(["a warning", "building", "done"], result.Tail.Order(StringComparer.Ordinal));
        var log = await _artifacts.ReadAllTextAsync(result.LogName);
        Assert.StartsWith("$ echo building;", log, StringComparison.Ordinal);
        Assert.Contains("building\n", log, StringComparison.Ordinal);
        Assert.Contains("a warning\n", log, StringComparison.Ordinal);
        Assert.Contains("[exit code 0 after", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_appends_keeps_the_log_before_it_and_a_plain_rerun_starts_afresh()
    {
        await RunAsync("echo built");
        await _runner.RunStepAsync(Request("echo tested") with { AppendToLog = true }, _artifacts);
        var both = await _artifacts.ReadAllTextAsync("runs/1/step.log");
        await RunAsync("echo rebuilt");
        var again = await _artifacts.ReadAllTextAsync("runs/1/step.log");

        Assert.True(both.IndexOf("built\n", StringComparison.Ordinal) < both.IndexOf("tested\n", StringComparison.Ordinal), both);
        Assert.Contains("$ echo built", both, StringComparison.Ordinal);
        Assert.Contains("rebuilt\n", again, StringComparison.Ordinal);
        Assert.DoesNotContain("tested", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_step_reports_its_exit_code()
    {
        var result = await RunAsync("echo 'tests failed: 3' >&2; exit 3");

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal(["tests failed: 3"], result.Tail);
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        var result = await RunAsync("sh -c 'sleep 300 & echo $! > grandchild.pid; wait' & echo $! > child.pid; wait", TimeSpan.FromSeconds(5));

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        var child = int.Parse(await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "child.pid")));
        var grandchild = int.Parse(await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "grandchild.pid")));
        await Eventually.TrueAsync(() => !ProcessTable.IsAlive(child) && !ProcessTable.IsAlive(grandchild), "child and grandchild are gone");
        Assert.Contains("[timed out after", await _artifacts.ReadAllTextAsync(result.LogName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_kills_the_tree_and_throws()
    {
        using var cancel = new CancellationTokenSource();
        var step = RunAsync("sleep 300 & echo $! > sleeper.pid; echo started; wait", TimeSpan.FromMinutes(5), cancel.Token);
        var pidFile = Path.Combine(_workspace.Path, "sleeper.pid");
        await Eventually.TrueAsync(() => File.Exists(pidFile) && new FileInfo(pidFile).Length > 0, "the step started its sleeper");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step);
        var sleeper = int.Parse(await File.ReadAllTextAsync(pidFile));
        await Eventually.TrueAsync(() => !ProcessTable.IsAlive(sleeper), "the sleeper is gone");
    }

    [Fact]
    public async Task Background_processes_a_finished_step_left_behind_are_killed()
    {
        var result = await RunAsync("sleep 300 > /dev/null 2>&1 & echo $! > leftover.pid; echo finished");

        Assert.True(result.Succeeded);
        var leftover = int.Parse(await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "leftover.pid")));
        await Eventually.TrueAsync(() => !ProcessTable.IsAlive(leftover), "the leftover sleeper is gone");
    }

    [Fact]
    public async Task Log_shows_output_while_the_step_still_runs()
    {
        var release = Path.Combine(_workspace.Path, "release");
        var step = RunAsync($"echo first line; while [ ! -f '{release}' ]; do sleep 0.05; done; echo second line", TimeSpan.FromMinutes(1));

        await Eventually.TrueAsync(
            async () => await _artifacts.ExistsAsync("runs/1/step.log") && (await _artifacts.ReadAllTextAsync("runs/1/step.log")).Contains("first line\n", StringComparison.Ordinal),
            "the first line is in the log before the step ends");
        Assert.False(step.IsCompleted);
        await File.WriteAllTextAsync(release, "go");

        var result = await step;
        Assert.Equal(["first line", "second line"], result.Tail);
    }

    [Fact]
    public async Task Rerunning_with_the_same_log_name_replaces_the_log()
    {
        await RunAsync("echo attempt one");
        var result = await RunAsync("echo attempt two");

        var log = await _artifacts.ReadAllTextAsync(result.LogName);
        Assert.DoesNotContain("attempt one", log, StringComparison.Ordinal);
        Assert.Contains("attempt two", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tail_keeps_the_last_twenty_lines()
    {
        var result = await RunAsync("i=1; while [ $i -le 50 ]; do echo line $i; i=$((i+1)); done");

        Assert.Equal(20, result.Tail.Count);
        Assert.Equal("line 31", result.Tail[0]);
        Assert.Equal("line 50", result.Tail[^1]);
    }

    [Fact]
    public async Task Steps_get_their_variables_but_not_the_hosts_secrets_and_masked_values_stay_out_of_the_log()
    {
        Environment.SetEnvironmentVariable("SERVERLESS_TEST_HOST_SECRET", "host-only-value");
        try
        {
            var result = await _runner.RunStepAsync(
                Request("echo \"token=$DEPLOY_TOKEN ci=$CI host=${SERVERLESS_TEST_HOST_SECRET:-unset} path=${PATH:+set}\"") with
                {
                    Environment = new Dictionary<string, string> { ["DEPLOY_TOKEN"] = "tok-12345" },
                    MaskedValues = ["tok-12345"],
                },
                _artifacts);

            Assert.Equal(["token=*** ci=true host=unset path=set"], result.Tail);
            Assert.DoesNotContain("tok-12345", await _artifacts.ReadAllTextAsync(result.LogName), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SERVERLESS_TEST_HOST_SECRET", null);
        }
    }

    [Fact]
    public async Task Runs_in_the_working_directory_and_refuses_one_outside_the_workspace()
    {
        Directory.CreateDirectory(Path.Combine(_workspace.Path, "services", "api"));

        var result = await _runner.RunStepAsync(Request("pwd") with { WorkingDirectory = "services/api" }, _artifacts);

        Assert.Equal([Path.Combine(_workspace.Path, "services", "api")], result.Tail);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _runner.RunStepAsync(Request("pwd") with { WorkingDirectory = "../elsewhere" }, _artifacts));
        Assert.Contains("leaves the workspace", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => _runner.RunStepAsync(Request("pwd") with { LogName = "../escape.log" }, _artifacts));
    }

    [Fact]
    public void Options_have_documented_defaults_and_one_message_naming_every_bad_field()
    {
        var defaults = new LocalRunnerOptions();
        Assert.Equal("git", defaults.Git);
        Assert.Equal("/bin/sh", defaults.Shell);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.GitTimeout);
        Assert.Equal(20, defaults.TailLines);
        Assert.Empty(defaults.Validate());

        var error = Assert.Throws<ArgumentException>(() => new LocalRunner(new LocalRunnerOptions { Git = " ", GitTimeout = TimeSpan.Zero, TailLines = -1 }));
        Assert.Contains("LocalRunner:Git", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalRunner:GitTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalRunner:TailLines", error.Message, StringComparison.Ordinal);
    }

    private StepRequest Request(string command, TimeSpan? timeout = null) => new()
    {
        Workspace = _workspace.Path,
        Command = command,
        Timeout = timeout ?? TimeSpan.FromMinutes(1),
        LogName = "runs/1/step.log",
    };

    private Task<StepResult> RunAsync(string command, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _runner.RunStepAsync(Request(command, timeout), _artifacts, cancellationToken);
}
