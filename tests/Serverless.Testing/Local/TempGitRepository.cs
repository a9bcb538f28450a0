namespace Serverless.Testing.Local;

/// <summary>A real git repository in a temp folder, to check out from as a runner would from a clone URL.</summary>
public sealed class TempGitRepository : IDisposable
{
    private readonly TempDirectory _directory = new("serverless-repo");

    private TempGitRepository()
    {
    }

    public string Path => _directory.Path;

    /// <summary>The repository as a file:// clone URL.</summary>
    public string CloneUrl => new Uri(Path).AbsoluteUri;

    public static async Task<TempGitRepository> CreateAsync(string branch = "main")
    {
        var repository = new TempGitRepository();
        await Git.RunAsync(repository.Path, "init", "--quiet", "--initial-branch", branch);
        return repository;
    }

    /// <summary>Writes the files (path → content) and commits them; returns the new commit's sha.</summary>
    public async Task<string> CommitAsync(string message, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (name, content) in files)
        {
            var path = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }

        await Git.RunAsync(Path, "add", "--all");
        await Git.RunAsync(Path, "commit", "--quiet", "--allow-empty", "-m", message);
        return await Git.RunAsync(Path, "rev-parse", "HEAD");
    }

    public Task CheckoutAsync(string commitOrBranch) => Git.RunAsync(Path, "checkout", "--quiet", commitOrBranch);

    public void Dispose() => _directory.Dispose();
}
