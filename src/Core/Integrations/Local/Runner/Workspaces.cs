namespace Serverless.Core.Integrations.Local.Runner;

internal static class Workspaces
{
    /// <summary>The absolute form of a workspace path, refusing a file-system root (a workspace gets deleted whole).</summary>
    public static string Resolve(string workspaceDirectory, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceDirectory, parameterName);
        if (!Path.IsPathFullyQualified(workspaceDirectory))
        {
            throw new ArgumentException($"The workspace '{workspaceDirectory}' must be an absolute path.", parameterName);
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceDirectory));
        if (full == Path.TrimEndingDirectorySeparator(Path.GetPathRoot(full) ?? string.Empty))
        {
            throw new ArgumentException($"The workspace '{workspaceDirectory}' may not be a file-system root.", parameterName);
        }

        return full;
    }

    /// <summary>A folder inside <paramref name="workspace"/>; a path that leaves it is refused.</summary>
    public static string Inside(string workspace, string relative, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(relative, parameterName);
        if (Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"The working directory '{relative}' must be relative to the workspace.", parameterName);
        }

        var full = Path.GetFullPath(Path.Combine(workspace, relative));
        var relation = Path.GetRelativePath(workspace, full);
        if (relation == ".." || relation.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The working directory '{relative}' leaves the workspace.", parameterName);
        }

        return full;
    }

    public static void Delete(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in OperatingSystem.IsWindows() ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories) : [])
        {
            var attributes = File.GetAttributes(file);
            if ((attributes & FileAttributes.ReadOnly) != 0)
            {
                File.SetAttributes(file, attributes & ~FileAttributes.ReadOnly);
            }
        }

        Directory.Delete(directory, recursive: true);
    }
}
