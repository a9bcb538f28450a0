using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Tests.Security.Secrets;

public sealed class SecretAllowlistTests : IDisposable
{
    private readonly TempRepository repository = new();

    public void Dispose() => repository.Dispose();

    public static TheoryData<string, string, bool, bool> Patterns => new()
    {
        { "*.pem", "certs/dev.pem", false, true },
        { "*.pem", "dev.pem.txt", false, false },
        { "fixtures/", "tests/fixtures", true, true },
        { "fixtures/", "tests/fixtures", false, false },
        { "/fixtures", "fixtures", true, true },
        { "/fixtures", "tests/fixtures", true, false },
        { "docs/*.md", "docs/setup.md", false, true },
        { "docs/*.md", "docs/sub/setup.md", false, false },
        { "docs/**/*.md", "docs/sub/deep/setup.md", false, true },
        { "docs/**/*.md", "docs/setup.md", false, true },
        { "**/testdata/**", "a/b/testdata/x/y.json", false, true },
        { "**/testdata", "testdata", true, true },
        { "config.?.json", "config.a.json", false, true },
        { "config.?.json", "config.ab.json", false, false },
        { "key[0-9].txt", "key7.txt", false, true },
        { "key[!0-9].txt", "key7.txt", false, false },
        { "a/b", "x/a/b", false, false },
        { "\\#notes", "#notes", false, true },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Path_patterns_follow_gitignore(string pattern, string path, bool isDirectory, bool ignored)
    {
        Assert.Equal(ignored, SecretAllowlist.Parse(pattern).IsIgnored(path, isDirectory));
    }

    [Fact]
    public void Later_negations_re_include_and_comments_and_blank_lines_are_ignored()
    {
        var allowlist = SecretAllowlist.Parse("# test keys\n\n*.pem\n!prod.pem\r\n");

        Assert.True(allowlist.IsIgnored("dev.pem", false));
        Assert.False(allowlist.IsIgnored("prod.pem", false));
        Assert.False(allowlist.IsIgnored("# test keys", false));
    }

    [Fact]
    public void Ignored_directories_and_files_are_not_scanned_and_are_reported_as_skipped()
    {
        repository
            .Write(".secretsignore", "testdata/\n*.example\n")
            .Write("testdata/keys/a.txt", FakeSecrets.GitHubToken())
            .Write("config.example", FakeSecrets.StripeLiveKey())
            .Write("src/live.cs", FakeSecrets.GoogleApiKey());

        var result = new SecretScanner().Scan(repository.Root);

        Assert.Equal("src/live.cs", Assert.Single(result.Findings).File);
        Assert.Equal(
            [new SkippedFile("config.example", SkipReason.Allowlisted), new SkippedFile("testdata/", SkipReason.Allowlisted)],
            result.Skipped);
    }

    [Fact]
    public void A_path_and_line_entry_silences_findings_on_that_line_only()
    {
        repository
            .Write(".secretsignore", "./src/app.cs:2\n")
            .Write("src/app.cs", $"a\n{FakeSecrets.GitHubToken()}\n{FakeSecrets.GitHubToken(seed: 2)}\n");

        var finding = Assert.Single(new SecretScanner().Scan(repository.Root).Findings);

        Assert.Equal(3, finding.Line);
    }

    [Fact]
    public void A_fingerprint_entry_silences_that_finding_wherever_it_moves()
    {
        var token = FakeSecrets.GitHubToken();
        var fingerprint = Assert.Single(new SecretScanner().ScanContent("src/app.cs", token)).Fingerprint;
        repository
            .Write(".secretsignore", $"# reviewed: test fixture token\n{fingerprint.ToUpperInvariant()}\n")
            .Write("src/app.cs", $"\n\n   {token}\n{FakeSecrets.GitHubToken(seed: 2)}");

        var finding = Assert.Single(new SecretScanner().Scan(repository.Root).Findings);

        Assert.Equal(4, finding.Line);
    }

    [Fact]
    public void The_allowlist_file_name_is_an_option()
    {
        repository
            .Write(".secretsignore", "*.cs\n")
            .Write("security/allow.txt", "fixtures/\n")
            .Write("fixtures/a.txt", FakeSecrets.GitHubToken())
            .Write("src/a.cs", FakeSecrets.StripeLiveKey());

        var result = new SecretScanner(new SecretScannerOptions { AllowlistFileName = "security/allow.txt" }).Scan(repository.Root);

        Assert.Equal("src/a.cs", Assert.Single(result.Findings).File);
    }
}
