using System.Diagnostics;

namespace Serverless.Testing.Local;

/// <summary>Builds samples/hello-service the way its pipeline does (<c>node build.js</c>) into a folder of the test's own.</summary>
public static class HelloServiceBuild
{
    /// <summary>How the local target starts the built service (pipeline.yml's <c>run</c>).</summary>
    public const string RunCommand = "node out/server.js";

    public const string HealthPath = "/health";

    /// <summary>Copies the sample into <paramref name="destination"/>, builds it stamped with <paramref name="version"/>, and returns the folder to deploy.</summary>
    public static async Task<string> BuildAsync(string destination, string version, bool unhealthy = false)
    {
        CopyTree(RepositoryPaths.HelloService, destination);
        if (unhealthy)
        {
            await File.WriteAllTextAsync(Path.Combine(destination, "UNHEALTHY"), "made unhealthy by a test\n");
        }

        var startInfo = new ProcessStartInfo("node", ["build.js"])
        {
            WorkingDirectory = destination,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["COMMIT_SHA"] = version;
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? destination : throw new InvalidOperationException($"node build.js failed: {await stderr}");
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var directory in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("out" or "node_modules")))
        {
            CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
