namespace Serverless.Core.Artifacts;

/// <summary>
/// Holds large things (build logs, SARIF reports, release bundles) outside orchestration history, which carries
/// only their names. Names are relative paths with '/' separators, such as <c>runs/42/build.log</c>; no
/// <c>..</c> or <c>.</c> segments, no leading '/', no backslashes. An invalid name is an <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>
/// Writers are idempotent: <see cref="WriteAsync(string, Stream, CancellationToken)"/> replaces an artifact whole,
/// so an activity that runs twice leaves one copy. Readers never see a half-written artifact, except one being
/// appended to, which they see as far as it has been written.
/// </remarks>
public interface IArtifactStore
{
    /// <summary>Creates or replaces <paramref name="name"/> with the content of <paramref name="content"/>.</summary>
    Task WriteAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Appends to <paramref name="name"/>, creating it when missing; for logs streamed while a step runs.</summary>
    Task AppendAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Opens <paramref name="name"/> for reading.</summary>
    /// <exception cref="ArtifactNotFoundException">No artifact has that name.</exception>
    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Names starting with <paramref name="prefix"/> (all names when empty), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every artifact whose name starts with <paramref name="prefix"/> (<c>runs/42/</c> deletes a folder,
    /// <c>runs/42/build.log</c> one artifact) and returns how many were deleted. An empty prefix is refused.
    /// </summary>
    Task<int> DeleteAsync(string prefix, CancellationToken cancellationToken = default);
}
