using Serverless.Core.Integrations.Local.Processes;

namespace Serverless.Core.Integrations.Local.Runner;

public sealed partial class LocalRunner
{
    /// <summary>
    /// Makes <paramref name="workspaceDirectory"/> a fresh checkout of exactly <paramref name="commitSha"/>:
    /// fetches that one commit (<c>git fetch --depth 1 origin &lt;sha&gt;</c>), falling back to a full clone when
    /// the server will not serve a commit by id, and verifies HEAD. An existing workspace is replaced.
    /// The clone URL may carry credentials; they are used for the fetch only and left out of messages and of
    /// the workspace's git config, which the steps can read.
    /// </summary>
    /// <exception cref="CheckoutException">git failed or the commit does not exist; the message carries git's error.</exception>
    public async Task<CheckoutResult> CheckoutAsync(string cloneUrl, string commitSha, string workspaceDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cloneUrl);
        var sha = CommitShas.Normalize(commitSha, nameof(commitSha));
        var workspace = Workspaces.Resolve(workspaceDirectory, nameof(workspaceDirectory));
        var repository = CloneUrls.Redact(cloneUrl);
        var git = new GitSession(this, cloneUrl, repository, sha, cancellationToken);

        Workspaces.Delete(workspace);
        Directory.CreateDirectory(workspace);
        await git.RunAsync(workspace, "init", "--quiet").ConfigureAwait(false);
        await git.RunAsync(workspace, "remote", "add", "origin", cloneUrl).ConfigureAwait(false);
        var fetch = await git.TryRunAsync(workspace, "fetch", "--quiet", "--depth", "1", "--no-tags", "origin", sha).ConfigureAwait(false);
        var method = CheckoutMethod.ShallowFetch;
        if (fetch.ExitCode != 0)
        {
            _logger.ShallowFetchRefused(repository, sha, git.Scrub(fetch.StandardError).Trim());
            method = CheckoutMethod.FullClone;
            Workspaces.Delete(workspace);
            var parent = Path.GetDirectoryName(workspace)!;
            Directory.CreateDirectory(parent);
            await git.RunAsync(parent, "clone", "--quiet", "--no-checkout", cloneUrl, workspace).ConfigureAwait(false);
        }

        var checkout = await git.TryRunAsync(workspace, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--force", "--detach", sha).ConfigureAwait(false);
        if (checkout.ExitCode != 0)
        {
            throw git.Failure($"commit {sha} is not in {repository}", checkout);
        }

        var head = (await git.RunAsync(workspace, "rev-parse", "HEAD").ConfigureAwait(false)).StandardOutput.Trim();
        if (!string.Equals(head, sha, StringComparison.Ordinal))
        {
            throw new CheckoutException($"Checkout of {repository} at {sha} ended at {head} instead.", repository, sha);
        }

        await git.RunAsync(workspace, "remote", "set-url", "origin", repository).ConfigureAwait(false);
        _logger.CheckedOut(repository, sha, workspace, method);
        return new CheckoutResult(workspace, sha, method);
    }

    private sealed class GitSession(LocalRunner runner, string cloneUrl, string repository, string sha, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, string> _environment = ChildEnvironment.Build(
            runner._inheritedEnvironment,
            new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" });

        public async Task<CapturedOutput> RunAsync(string directory, params string[] arguments)
        {
            var output = await TryRunAsync(directory, arguments).ConfigureAwait(false);
            return output.ExitCode == 0 ? output : throw Failure($"git {arguments[0]} failed for {repository}", output);
        }

        public async Task<CapturedOutput> TryRunAsync(string directory, params string[] arguments)
        {
            try
            {
                var output = await CapturedProcess.RunAsync(runner._git, arguments, directory, _environment, runner._gitTimeout, runner._timeProvider, cancellationToken).ConfigureAwait(false);
                return output.TimedOut
                    ? throw new CheckoutException($"git {arguments[0]} for {repository} did not finish within {runner._gitTimeout}.", repository, sha)
                    : output;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new CheckoutException($"Could not start git ('{runner._git}'): {ex.Message}", repository, sha);
            }
        }

        public CheckoutException Failure(string what, CapturedOutput output)
        {
            var detail = Scrub(output.StandardError).Trim();
            return new CheckoutException($"Checkout failed: {what} (exit code {output.ExitCode}): {detail}", repository, sha);
        }

        public string Scrub(string text) => CloneUrls.Scrub(text, cloneUrl);
    }
}
