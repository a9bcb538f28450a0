using System.Text;

namespace Serverless.Core.Artifacts;

public static class ArtifactStoreExtensions
{
    /// <summary>Creates or replaces <paramref name="name"/> with <paramref name="text"/> as UTF-8.</summary>
    public static async Task WriteAsync(this IArtifactStore store, string name, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(text);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        await store.WriteAsync(name, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends <paramref name="text"/> as UTF-8.</summary>
    public static Task AppendAsync(this IArtifactStore store, string name, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(text);
        return store.AppendAsync(name, Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    public static async Task<string> ReadAllTextAsync(this IArtifactStore store, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stream = await store.OpenReadAsync(name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
