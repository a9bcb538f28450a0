using System.Diagnostics;

namespace Serverless.Functions.Operations.Security;

/// <summary>Resolves a branch of a repository to its head commit without cloning (<c>git ls-remote</c>).</summary>
internal static class GitBranches
{
    public static async Task<string?> HeadAsync(string cloneUrl, string branch, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git", ["ls-remote", "--heads", "--", cloneUrl, $"refs/heads/{branch}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start git.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"git ls-remote failed: {(await stderr).Trim()}");
        var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return line?.Split('\t')[0].Trim();
    }
}
