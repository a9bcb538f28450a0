namespace Serverless.Testing.Local;

/// <summary>Paths inside this source repository: SERVERLESS_REPO_ROOT, or found from the test binaries by walking up to Serverless.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        if (Environment.GetEnvironmentVariable("SERVERLESS_REPO_ROOT") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Serverless.sln not found above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string HelloService => Path.Combine(Samples, "hello-service");

    public static string PushSampleScript => Path.Combine(Samples, "push-sample.sh");
}
