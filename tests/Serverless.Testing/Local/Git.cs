using System.Diagnostics;

namespace Serverless.Testing.Local;

/// <summary>Runs the real git CLI for test set-up; throws with git's stderr when it fails.</summary>
public static class Git
{
    public static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_AUTHOR_NAME"] = "Test Author";
        startInfo.Environment["GIT_AUTHOR_EMAIL"] = "author@example.com";
        startInfo.Environment["GIT_COMMITTER_NAME"] = "Test Author";
        startInfo.Environment["GIT_COMMITTER_EMAIL"] = "author@example.com";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await stdout).Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
    }
}
