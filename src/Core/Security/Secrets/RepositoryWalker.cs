namespace Serverless.Core.Security.Secrets;

internal readonly record struct RepositoryFile(FileInfo Info, string RelativePath);

/// <summary>Depth-first, ordinal order; prunes <c>.git</c>, links and allowlisted directories.</summary>
internal static class RepositoryWalker
{
    private const string GitDirectory = ".git";

    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        ReturnSpecialDirectories = false,
    };

    public static IEnumerable<RepositoryFile> Files(
        DirectoryInfo root,
        SecretAllowlist allowlist,
        List<SkippedFile> skipped,
        CancellationToken cancellationToken)
    {
        var pending = new Stack<(DirectoryInfo Directory, string RelativePath)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, relative) = pending.Pop();
            var entries = directory.EnumerateFileSystemInfos("*", Enumeration)
                .Where(entry => entry.Name != GitDirectory)
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)
                .ToList();

            var subdirectories = new List<(DirectoryInfo, string)>();
            foreach (var entry in entries)
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var isDirectory = entry is DirectoryInfo;
                if (allowlist.IsIgnored(path, isDirectory))
                {
                    skipped.Add(new SkippedFile(isDirectory ? path + "/" : path, SkipReason.Allowlisted));
                }
                else if (entry is DirectoryInfo subdirectory)
                {
                    subdirectories.Add((subdirectory, path));
                }
                else if (entry is FileInfo file)
                {
                    yield return new RepositoryFile(file, path);
                }
            }
            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirectories[i]);
            }
        }
    }
}
