using System.Text;
using System.Text.Json;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Core.Tests.Integrations.GitHub.Webhooks;

public sealed class GitHubWebhookSignatureTests
{
    private const string DocsSecret = "It's a Secret to Everybody";
    private const string DocsSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private static readonly byte[] DocsBody = "Hello, World!"u8.ToArray();

    public static TheoryData<string> Vectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(WebhookCorpus.SignatureDirectory, "hmac-sha256-vectors.json")));
        var names = new TheoryData<string>();
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray()) names.Add(vector.GetProperty("name").GetString()!);
        return names;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_published_vector_verifies_or_is_refused_as_the_source_says(string name)
    {
        var vector = LoadVector(name);
        var secret = vector.GetProperty("secret").GetString()!;
        var body = Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!);

        if (vector.TryGetProperty("expected", out var expected))
        {
            Assert.True(GitHubWebhookSignature.IsValid(secret, body, expected.GetString()));
            Assert.Equal(expected.GetString(), GitHubWebhookSignature.Compute(secret, body));
        }
        else
        {
            Assert.False(GitHubWebhookSignature.IsValid(secret, body, vector.GetProperty("expected_mismatch").GetString()));
        }
    }

    [Fact]
    public void The_github_docs_test_vector_verifies()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(WebhookCorpus.SignatureDirectory, "github-docs-test-vector.json")));
        var root = document.RootElement;
        var body = Encoding.UTF8.GetBytes(root.GetProperty("payload").GetString()!);

        Assert.True(GitHubWebhookSignature.IsValid(root.GetProperty("secret").GetString()!, body, root.GetProperty("expected_header_value").GetString()));
    }

    [Theory]
    [InlineData("snare-request-json.http")]
    [InlineData("snare-request-form-prefixed.http")]
    public void Full_recorded_requests_verify_over_their_raw_body_bytes(string file)
    {
        var raw = File.ReadAllBytes(Path.Combine(WebhookCorpus.SignatureDirectory, file));
        var split = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var headers = Encoding.ASCII.GetString(raw, 0, split).Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw.AsSpan(split + 4);

        Assert.Equal(int.Parse(headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture), body.Length);
        Assert.True(GitHubWebhookSignature.IsValid("secretsecret", body, headers[GitHubWebhookHeaders.Signature256]));
        Assert.False(GitHubWebhookSignature.IsValid("secretsecret", body[..^1], headers[GitHubWebhookHeaders.Signature256]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData(" sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e177")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17,sha256=00")]
    public void Missing_or_malformed_headers_are_refused_without_throwing(string? header)
    {
        Assert.False(GitHubWebhookSignature.IsValid(DocsSecret, DocsBody, header));
    }

    [Fact]
    public void A_changed_body_or_secret_is_refused()
    {
        Assert.True(GitHubWebhookSignature.IsValid(DocsSecret, DocsBody, DocsSignature));
        Assert.False(GitHubWebhookSignature.IsValid(DocsSecret, "Hello, World?"u8, DocsSignature));
        Assert.False(GitHubWebhookSignature.IsValid(DocsSecret + " ", DocsBody, DocsSignature));
    }

    [Fact]
    public void An_empty_secret_is_a_configuration_error_not_a_valid_key()
    {
        Assert.Throws<ArgumentException>(() => GitHubWebhookSignature.IsValid("", DocsBody, DocsSignature));
    }

    private static JsonElement LoadVector(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(WebhookCorpus.SignatureDirectory, "hmac-sha256-vectors.json")));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name).Clone();
    }
}
