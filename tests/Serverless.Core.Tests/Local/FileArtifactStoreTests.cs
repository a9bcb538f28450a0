using Serverless.Core.Artifacts;
using Serverless.Testing.Local;

namespace Serverless.Core.Tests.Local;

public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly TempDirectory _root = new("artifacts");
    private readonly FileArtifactStore _store;

    public FileArtifactStoreTests()
    {
        _store = new FileArtifactStore(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Write_replaces_whole_and_reads_back()
    {
        await _store.WriteAsync("runs/42/build.log", "first");
        await _store.WriteAsync("runs/42/build.log", "second");

        Assert.Equal("second", await _store.ReadAllTextAsync("runs/42/build.log"));
        Assert.True(File.Exists(Path.Combine(_root.Path, "runs", "42", "build.log")));
    }

    [Fact]
    public async Task Append_creates_then_extends_and_is_readable_while_written()
    {
        await _store.AppendAsync("logs/step.log", "one\n");
        await using (var reader = await _store.OpenReadAsync("logs/step.log"))
        {
            await _store.AppendAsync("logs/step.log", "two\n");
        }

        Assert.Equal("one\ntwo\n", await _store.ReadAllTextAsync("logs/step.log"));
    }

    [Fact]
    public async Task Missing_artifact_is_reported_by_name()
    {
        Assert.False(await _store.ExistsAsync("nope/missing.sarif"));
        var error = await Assert.ThrowsAsync<ArtifactNotFoundException>(() => _store.OpenReadAsync("nope/missing.sarif"));
        Assert.Equal("nope/missing.sarif", error.Name);
    }

    [Fact]
    public async Task List_and_delete_by_folder_or_name_prefix()
    {
        foreach (var name in new[] { "runs/1/build.log", "runs/1/sarif/secrets.sarif", "runs/10/build.log", "runs/2/build.log", "other.txt" })
        {
            await _store.WriteAsync(name, name);
        }

        Assert.Equal(["runs/1/build.log", "runs/1/sarif/secrets.sarif", "runs/10/build.log"], await _store.ListAsync("runs/1"));
        Assert.Equal(2, await _store.DeleteAsync("runs/1/"));
        Assert.False(Directory.Exists(Path.Combine(_root.Path, "runs", "1")));
        Assert.Equal(["other.txt", "runs/10/build.log", "runs/2/build.log"], await _store.ListAsync(string.Empty));

        Assert.Equal(1, await _store.DeleteAsync("runs/10/build.log"));
        Assert.Equal(0, await _store.DeleteAsync("runs/nothing-here/"));
        Assert.Equal(["other.txt", "runs/2/build.log"], await _store.ListAsync(string.Empty));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("/etc/passwd", "relative")]
    [InlineData("../outside.txt", "'..'")]
    [InlineData("runs/../../outside.txt", "'..'")]
    [InlineData("runs/./build.log", "'..'")]
    [InlineData("runs//build.log", "empty folder")]
    [InlineData("runs/", "empty folder")]
    [InlineData("runs\\build.log", "'/'")]
    [InlineData("C:/temp/x.log", "relative")]
    [InlineData("runs/\u0000.log", "control")]
    [InlineData(".partial/x", "reserved")]
    public async Task Invalid_names_are_refused_with_the_reason(string name, string reason)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync(name, "x"));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(_root.Path)!, "outside.txt"));
    }

    [Fact]
    public async Task Delete_refuses_an_empty_prefix_and_list_refuses_escapes()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(string.Empty));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAsync("../"));
    }

    [Fact]
    public void Names_longer_than_the_limit_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ArtifactNames.Validate(new string('a', ArtifactNames.MaxLength + 1)));
        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
        Assert.Equal("a/b/c.log", ArtifactNames.Combine("a", "b", "c.log"));
        Assert.Throws<ArgumentException>(() => ArtifactNames.Combine("a", "..", "c.log"));
    }
}
