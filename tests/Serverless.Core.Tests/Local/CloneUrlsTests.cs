using Serverless.Core.Integrations.Local.Runner;

namespace Serverless.Core.Tests.Local;

public sealed class CloneUrlsTests
{
    [Theory]
    [InlineData("https://x-access-token:ghs_secret@github.com/acme/app.git", "https://github.com/acme/app.git")]
    [InlineData("https://user@example.com/repo.git", "https://example.com/repo.git")]
    [InlineData("https://github.com/acme/app.git", "https://github.com/acme/app.git")]
    [InlineData("git@github.com:acme/app.git", "git@github.com:acme/app.git")]
    [InlineData("/tmp/hello-service-repo", "/tmp/hello-service-repo")]
    [InlineData("file:///tmp/hello-service-repo", "file:///tmp/hello-service-repo")]
    public void Redact_drops_user_info_only(string url, string expected) =>
        Assert.Equal(expected, CloneUrls.Redact(url));

    [Fact]
    public void Scrub_removes_credentials_from_any_text()
    {
        const string url = "https://bot:s3cr3t@git.example.com/acme/app.git";
        var text = $"fatal: unable to access '{url}/': Could not resolve host; also https://other:pw@host/x";

        var scrubbed = CloneUrls.Scrub(text, url);

        Assert.DoesNotContain("s3cr3t", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", scrubbed, StringComparison.Ordinal);
        Assert.Contains("https://git.example.com/acme/app.git", scrubbed, StringComparison.Ordinal);
    }
}
