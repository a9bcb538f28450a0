namespace Serverless.Core.Artifacts;

/// <summary>
/// Artifacts as files under one root folder (by default a folder of the data directory). Whole writes go to a
/// temporary file first and are renamed into place, so readers see the old or the new content, never half.
/// </summary>
public sealed class FileArtifactStore : IArtifactStore
{
    private const string PartialFolder = ".partial";
    private const int BufferSize = 81920;

    public FileArtifactStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(RootDirectory);
    }

    public string RootDirectory { get; }

    /// <summary>The file that holds <paramref name="name"/>; for tools that need a path rather than a stream.</summary>
    public string GetPath(string name)
    {
        ArtifactNames.Validate(name);
        if (name.Split(ArtifactNames.Separator)[0] == PartialFolder)
        {
            throw new ArgumentException($"Artifact name '{name}' is invalid: the folder '{PartialFolder}' is reserved.", nameof(name));
        }

        return Path.Combine(RootDirectory, name.Replace(ArtifactNames.Separator, Path.DirectorySeparatorChar));
    }

    public async Task WriteAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = GetPath(name);
        var partialDirectory = Directory.CreateDirectory(Path.Combine(RootDirectory, PartialFolder)).FullName;
        var partial = Path.Combine(partialDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public async Task AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = GetPath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = GetPath(name);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromException<Stream>(new ArtifactNotFoundException(name));
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(GetPath(name)));

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArtifactNames.ValidatePrefix(prefix, allowEmpty: true);
        IReadOnlyList<string> names = Matching(prefix).Select(match => match.Name).Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(names);
    }

    public Task<int> DeleteAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArtifactNames.ValidatePrefix(prefix, allowEmpty: false);
        var deleted = 0;
        foreach (var (_, path) in Matching(prefix).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(path);
            deleted++;
        }

        RemoveEmptyFolders(SearchRoot(prefix), prefix);
        return Task.FromResult(deleted);
    }

    private IEnumerable<(string Name, string Path)> Matching(string prefix)
    {
        var searchRoot = SearchRoot(prefix);
        if (!Directory.Exists(searchRoot))
        {
            return [];
        }

        return Directory.EnumerateFiles(searchRoot, "*", SearchOption.AllDirectories)
            .Select(path => (Name: ToName(path), Path: path))
            .Where(match => match.Name.StartsWith(prefix, StringComparison.Ordinal) && !IsPartial(match.Name));
    }

    private string SearchRoot(string prefix)
    {
        var lastSeparator = prefix.LastIndexOf(ArtifactNames.Separator);
        return lastSeparator < 0
            ? RootDirectory
            : Path.Combine(RootDirectory, prefix[..lastSeparator].Replace(ArtifactNames.Separator, Path.DirectorySeparatorChar));
    }

    private void RemoveEmptyFolders(string directory, string prefix)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).ToList())
        {
            var childName = ToName(child) + ArtifactNames.Separator;
            if (childName.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(childName, StringComparison.Ordinal))
            {
                RemoveEmptyFolders(child, prefix);
            }
        }

        var name = ToName(directory) + ArtifactNames.Separator;
        if (directory != RootDirectory && name.StartsWith(prefix, StringComparison.Ordinal) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }

    private string ToName(string path) =>
        Path.GetRelativePath(RootDirectory, path).Replace(Path.DirectorySeparatorChar, ArtifactNames.Separator);

    private static bool IsPartial(string name) =>
        name.StartsWith(PartialFolder + ArtifactNames.Separator, StringComparison.Ordinal);
}
