namespace Serverless.Testing.Local;

/// <summary>Paths inside this source repository, found from the test binaries by walking up to Serverless.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
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
