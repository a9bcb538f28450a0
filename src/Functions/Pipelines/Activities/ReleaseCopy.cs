namespace Serverless.Functions.Pipelines.Activities;

/// <summary>Copies a built service folder (without git metadata) to the folder a release runs from.</summary>
internal static class ReleaseCopy
{
    public static void Replace(string source, string destination)
    {
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        Directory.CreateDirectory(destination);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (IsGit(relative)) continue;
            Directory.CreateDirectory(Path.Combine(destination, relative));
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (IsGit(relative)) continue;
            File.Copy(file, Path.Combine(destination, relative), overwrite: true);
        }
    }

    private static bool IsGit(string relative) => relative == ".git" || relative.StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
