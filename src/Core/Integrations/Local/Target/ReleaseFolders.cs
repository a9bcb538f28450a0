namespace Serverless.Core.Integrations.Local.Target;

/// <summary>The target's own copies of built output (without the top-level .git), one folder per started instance, under its data directory.</summary>
internal sealed class ReleaseFolders(string root)
{
    public string Root { get; } = root;

    public string Copy(string source, string environment, string service, string version, string instanceId)
    {
        var from = new DirectoryInfo(Path.GetFullPath(source));
        if (!from.Exists)
        {
            throw new DirectoryNotFoundException($"The release directory '{source}' does not exist.");
        }

        var destination = Path.Combine(Root, environment, service, $"{version}-{instanceId[..8]}");
        Delete(destination);
        CopyTree(from, Directory.CreateDirectory(destination), skip: ".git");
        return destination;
    }

    /// <summary>Deletes a release folder, but only one of ours: a path outside <see cref="Root"/> is left alone.</summary>
    public void Delete(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
    }

    private static void CopyTree(DirectoryInfo from, DirectoryInfo to, string? skip = null)
    {
        foreach (var entry in from.EnumerateFileSystemInfos().Where(entry => entry.Name != skip))
        {
            var target = Path.Combine(to.FullName, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                if (entry is DirectoryInfo)
                {
                    Directory.CreateSymbolicLink(target, link);
                }
                else
                {
                    File.CreateSymbolicLink(target, link);
                }
            }
            else if (entry is DirectoryInfo directory)
            {
                CopyTree(directory, Directory.CreateDirectory(target));
            }
            else
            {
                ((FileInfo)entry).CopyTo(target, overwrite: true);
            }
        }
    }
}
