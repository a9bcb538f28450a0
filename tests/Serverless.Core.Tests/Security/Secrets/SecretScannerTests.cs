using System.Diagnostics;
using Serverless.Core.Security;
using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Tests.Security.Secrets;

public sealed class SecretScannerTests : IDisposable
{
    private readonly TempRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public void Reports_repo_relative_forward_slash_paths_in_a_stable_order()
    {
        repository
            .Write("src/b.cs", $"var t = \"{FakeSecrets.GitHubToken()}\";")
            .Write("src/a/z.cs", $"var k = \"{FakeSecrets.StripeLiveKey()}\";\nvar t = \"{FakeSecrets.GitHubToken(seed: 2)}\";")
            .Write("README.md", FakeSecrets.SlackWebhook())
            .Write("Zeta.txt", FakeSecrets.GoogleApiKey());

        var result = new SecretScanner().Scan(repository.Root);

        Assert.Equal(
            ["README.md:1 slack-webhook-url", "Zeta.txt:1 google-api-key", "src/a/z.cs:1 stripe-live-key", "src/a/z.cs:2 github-token", "src/b.cs:1 github-token"],
            result.Findings.Select(finding => $"{finding.File}:{finding.Line} {finding.RuleId}"));
        Assert.Equal(4, result.FilesScanned);
        Assert.Equal(result.Findings, new SecretScanner().Scan(repository.Root).Findings);
    }

    [Fact]
    public void Skips_the_git_directory_binaries_and_large_files()
    {
        var secret = FakeSecrets.GitHubToken();
        var binary = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00 }.Concat(System.Text.Encoding.UTF8.GetBytes(secret)).ToArray();
        repository
            .Write(".git/config", $"url = https://x:{secret}@github.com/o/r")
            .Write("sub/.git", "gitdir: ../.git/modules/sub")
            .Write("img/logo.png", binary)
            .Write("dist/bundle.js", new string(' ', 2000) + secret)
            .Write("src/ok.cs", "class Ok {}");

        var result = new SecretScanner(new SecretScannerOptions { MaxFileBytes = 1000 }).Scan(repository.Root);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.FilesScanned);
        Assert.Equal(
            [new SkippedFile("dist/bundle.js", SkipReason.TooLarge), new SkippedFile("img/logo.png", SkipReason.Binary)],
            result.Skipped);
    }

    [Fact]
    public void Looks_for_nul_bytes_only_in_the_first_8_KiB()
    {
        var late = new string('a', 9000) + "\0" + FakeSecrets.GitHubToken();
        repository.Write("data.txt", late);

        Assert.Single(new SecretScanner().Scan(repository.Root).Findings);
    }

    [Fact]
    public void Default_size_limit_is_one_MiB()
    {
        Assert.Equal(1024 * 1024, new SecretScannerOptions().MaxFileBytes);
        repository
            .Write("exactly-1MiB.txt", FakeSecrets.GitHubToken() + new string(' ', 1024 * 1024 - 40))
            .Write("over-1MiB.txt", FakeSecrets.GitHubToken() + new string(' ', 1024 * 1024 - 39));

        var result = new SecretScanner().Scan(repository.Root);

        Assert.Equal("exactly-1MiB.txt", Assert.Single(result.Findings).File);
        Assert.Equal(new SkippedFile("over-1MiB.txt", SkipReason.TooLarge), Assert.Single(result.Skipped));
    }

    [Fact]
    public void Columns_ignore_a_utf8_byte_order_mark()
    {
        repository.Write("bom.txt", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(FakeSecrets.GitHubToken())]);

        var finding = Assert.Single(new SecretScanner().Scan(repository.Root).Findings);

        Assert.Equal((1, 1), (finding.Line, finding.Column));
    }

    [Fact]
    public void Fingerprints_survive_moving_the_secret_but_not_changing_file_or_value()
    {
        var token = FakeSecrets.GitHubToken();
        var scanner = new SecretScanner();

        var original = Assert.Single(scanner.ScanContent("a.cs", token));
        var moved = Assert.Single(scanner.ScanContent("a.cs", "\n\n  " + token));
        var otherFile = Assert.Single(scanner.ScanContent("b.cs", token));
        var otherValue = Assert.Single(scanner.ScanContent("a.cs", FakeSecrets.GitHubToken(seed: 2)));

        Assert.Equal(original.Fingerprint, moved.Fingerprint);
        Assert.NotEqual(original.Fingerprint, otherFile.Fingerprint);
        Assert.NotEqual(original.Fingerprint, otherValue.Fingerprint);
        Assert.Matches("^[0-9a-f]{32}$", original.Fingerprint);
    }

    [Fact]
    public void Scans_two_thousand_files_in_one_pass()
    {
        for (var i = 0; i < 2000; i++)
        {
            var content = i % 100 == 0
                ? $"// file {i}\nconst token = \"{FakeSecrets.GitHubToken(seed: i)}\";\n"
                : $"// file {i}\nusing System;\nnamespace N{i};\npublic sealed class C{i} {{ public string Password {{ get; set; }} = \"\"; }}\n";
            repository.Write($"src/m{i / 100:00}/f{i:0000}.cs", content);
        }

        var result = new SecretScanner().Scan(repository.Root);

        Assert.Equal(2000, result.FilesScanned);
        Assert.Equal(20, result.Findings.Count);
        Assert.All(result.Findings, finding => Assert.Equal(2, finding.Line));
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        repository.Write("a.txt", "x");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => new SecretScanner().Scan(repository.Root, cancellation.Token));
    }

    [Fact]
    public void A_missing_directory_is_a_clear_error()
    {
        var missing = Path.Combine(repository.Root, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new SecretScanner().Scan(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_findings_become_scan_findings_for_the_gate()
    {
        var finding = Assert.Single(new SecretScanner().ScanContent("app/settings.json", FakeSecrets.StripeLiveKey()));

        var scan = finding.ToScanFinding();

        Assert.Equal(new ScanFinding("serverless-secrets", "stripe-live-key", Severity.Critical, "Stripe live secret key (sk_l…) in app/settings.json:1", "app/settings.json", 1, finding.Fingerprint), scan);
    }
}
