using System.Text.Json;
using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;
using Serverless.Core.Security.Secrets;
using Serverless.Core.Tests.Security.Secrets;

namespace Serverless.Core.Tests.Security.Sarif;

public sealed class SecretSarifTests
{
    private static IReadOnlyList<SecretFinding> Findings() => new SecretScanner().ScanContent(
        "config/app.env",
        $"GITHUB={FakeSecrets.GitHubToken()}\nDB_PASSWORD={FakeSecrets.HighEntropy()}\n  {FakeSecrets.PrivateKey()}\n");

    [Fact]
    public void Output_has_every_property_sarif_and_github_code_scanning_require()
    {
        var json = SarifWriter.Serialize(SecretSarif.ToSarifLog(Findings()));

        Assert.Empty(SarifShape.Problems(json));
    }

    [Fact]
    public void Lists_every_rule_with_its_severity_and_maps_results_to_them()
    {
        using var document = JsonDocument.Parse(SarifWriter.Serialize(SecretSarif.ToSarifLog(Findings(), toolVersion: "1.2.3")));
        var run = document.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal("serverless-secrets", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        Assert.Equal(SecretRules.All.Select(rule => rule.Id), rules.Select(rule => rule.GetProperty("id").GetString()));
        var github = rules[2];
        Assert.Equal("GitHubToken", github.GetProperty("name").GetString());
        Assert.Equal("9.5", github.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("error", github.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.StartsWith("A GitHub personal access", github.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            [("github-token", 2, "error", 1, 8), ("generic-secret", 8, "warning", 2, 13), ("private-key", 3, "error", 3, 3)],
            results.Select(result =>
            {
                var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                return (result.GetProperty("ruleId").GetString(), result.GetProperty("ruleIndex").GetInt32(), result.GetProperty("level").GetString(),
                    region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
            }));
        Assert.All(results, result => Assert.Equal(
            "config/app.env",
            result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void Puts_the_finding_fingerprint_in_partial_fingerprints()
    {
        var findings = Findings();

        var log = SecretSarif.ToSarifLog(findings);

        Assert.Equal(
            findings.Select(finding => finding.Fingerprint),
            log.Runs[0].Results.Select(result => result.PartialFingerprints![SecretSarif.FingerprintKey]));
    }

    [Fact]
    public void Writes_schema_and_version_first_in_camel_case_without_nulls()
    {
        var json = SarifWriter.Serialize(SecretSarif.ToSarifLog([]));

        Assert.StartsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\"results\": []", json, StringComparison.Ordinal);
        Assert.Contains("\"shortDescription\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_to_a_stream_as_it_serializes_to_a_string()
    {
        var log = SecretSarif.ToSarifLog(Findings());
        using var stream = new MemoryStream();

        await SarifWriter.WriteAsync(stream, log);

        Assert.Equal(SarifWriter.Serialize(log), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Reads_back_what_it_writes()
    {
        var findings = Findings();

        var read = SarifReader.Read(SarifWriter.Serialize(SecretSarif.ToSarifLog(findings)));

        Assert.Empty(read.Errors);
        Assert.Equal(
            findings.Select(finding => (finding.RuleId, finding.Severity, (string?)finding.File, (int?)finding.Line, finding.Fingerprint)),
            read.Findings.Select(finding => (finding.RuleId, finding.Severity, finding.File, finding.Line, finding.Fingerprint)));
        Assert.All(read.Findings, finding => Assert.Equal("serverless-secrets", finding.Tool));
    }

    [Fact]
    public void A_finding_for_a_rule_not_given_is_a_clear_error()
    {
        var finding = new SecretFinding("github-token", Severity.Critical, "a.cs", 3, 1, "0123456789abcdef0123456789abcdef", "ghp_…");

        var error = Assert.Throws<ArgumentException>(() => SecretSarif.ToSarifLog([finding], [SecretRules.PrivateKey]));

        Assert.StartsWith("Finding in a.cs:3 has rule 'github-token', which is not among the rules given.", error.Message, StringComparison.Ordinal);
    }
}
