using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Support;

/// <summary>A real git repository holding samples/hello-service (its pipeline.yml at the root), optionally changed.</summary>
public static class HelloServiceRepository
{
    /// <summary>Creates the repository on <paramref name="branch"/> with one commit; returns it and the commit's sha.</summary>
    public static async Task<(TempGitRepository Repository, string Sha)> CreateAsync(string branch, IReadOnlyDictionary<string, string>? changes = null)
    {
        var repository = await TempGitRepository.CreateAsync(branch);
        var files = SampleFiles();
        foreach (var (path, content) in changes ?? new Dictionary<string, string>()) files[path] = content;
        return (repository, await repository.CommitAsync("hello-service", files));
    }

    public static string ReadSample(string relativePath) => File.ReadAllText(Path.Combine(RepositoryPaths.HelloService, relativePath));

    private static Dictionary<string, string> SampleFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.HelloService, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.HelloService, f))
            .Where(f => f.Split(Path.DirectorySeparatorChar)[0] is not ("out" or "node_modules"))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(RepositoryPaths.HelloService, f)));
}
