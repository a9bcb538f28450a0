using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;

namespace Serverless.Core.Tests.Security.Sarif;

public sealed class SarifReaderCorpusTests
{
    public static TheoryData<string, int, int> CorpusFiles => new()
    {
        { "checkov-docs-example.sarif", 2, 0 },
        { "gitleaks-sarif_simple.sarif", 1, 1 },
        { "openapi-runner-results.partial.sarif", 12, 1 },
        { "trivy-alpine-310.sarif", 4, 0 },
    };

    [Fact]
    public void Every_corpus_file_is_covered()
    {
        Assert.Equal(CorpusFiles.Select(row => (string)row[0]), Corpus.SarifFiles());
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Reads_every_finding_of_every_corpus_file(string file, int findings, int errors)
    {
        var result = SarifReader.ReadFile(Corpus.PathOf(file));

        Assert.Equal(findings, result.Findings.Count);
        Assert.Equal(errors, result.Errors.Count);
        Assert.All(result.Findings, finding =>
        {
            Assert.False(string.IsNullOrWhiteSpace(finding.Message));
            Assert.Matches("^[0-9a-f]{32}$", finding.Fingerprint);
        });
        Assert.Equal(findings, result.Findings.Select(finding => finding.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void Trivy_severity_comes_from_its_string_security_severity()
    {
        var result = SarifReader.ReadFile(Corpus.PathOf("trivy-alpine-310.sarif"));

        Assert.Equal(
            [
                ("Trivy", "CVE-2019-1549", Severity.Medium, "testdata/fixtures/images/alpine-310.tar.gz", 1),
                ("Trivy", "CVE-2019-1551", Severity.Medium, "testdata/fixtures/images/alpine-310.tar.gz", 1),
                ("Trivy", "CVE-2019-1549", Severity.Medium, "testdata/fixtures/images/alpine-310.tar.gz", 1),
                ("Trivy", "CVE-2019-1551", Severity.Medium, "testdata/fixtures/images/alpine-310.tar.gz", 1),
            ],
            result.Findings.Select(finding => (finding.Tool, finding.RuleId, finding.Severity, finding.File!, finding.Line!.Value)));
        Assert.StartsWith("Package: libcrypto1.1\nInstalled Version: 1.1.1c-r0", result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkov_severity_comes_from_its_numeric_security_severity_not_its_level()
    {
        var result = SarifReader.ReadFile(Corpus.PathOf("checkov-docs-example.sarif"));

        Assert.Equal(
            [
                ("Checkov", "CKV_AWS_21", Severity.High, "s3.tf", 1, "Ensure the S3 bucket has versioning enabled"),
                ("Checkov", "CKV_AWS_3", Severity.Medium, "ec2.tf", 5, "Ensure all data stored in the EBS is securely encrypted"),
            ],
            result.Findings.Select(finding => (finding.Tool, finding.RuleId, finding.Severity, finding.File!, finding.Line!.Value, finding.Message)));
    }

    [Fact]
    public void A_run_without_a_tool_is_an_error_and_its_results_still_load()
    {
        var result = SarifReader.ReadFile(Corpus.PathOf("openapi-runner-results.partial.sarif"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("runs[0]: run has no tool, which SARIF requires; its 12 result(s) are read with tool 'unknown'", error.ToString());
        Assert.All(result.Findings, finding => Assert.Equal(("unknown", Severity.High), (finding.Tool, finding.Severity)));
        Assert.Equal(
            ["CKV_OPENAPI_1", "CKV_OPENAPI_3", "CKV_OPENAPI_4"],
            result.Findings.Select(finding => finding.RuleId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(("v3/example1.yaml", 10), (result.Findings[^1].File, result.Findings[^1].Line));
    }

    [Fact]
    public void A_result_whose_rule_is_not_listed_is_an_error_and_still_loads()
    {
        var result = SarifReader.ReadFile(Corpus.PathOf("gitleaks-sarif_simple.sarif"));

        Assert.Equal(
            "runs[0].results[0]: ruleId 'test-rule' is not among tool.driver.rules; its severity comes from the result alone",
            Assert.Single(result.Errors).ToString());
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("gitleaks", "test-rule", Severity.Medium, "auth.py", 1), (finding.Tool, finding.RuleId, finding.Severity, finding.File, finding.Line));
        Assert.Equal("test-rule has detected secret for file auth.py at commit 0000000000000000.", finding.Message);
    }

    [Fact]
    public void Snippets_are_never_carried_into_findings()
    {
        var result = SarifReader.ReadFile(Corpus.PathOf("gitleaks-sarif_simple.sarif"));

        Assert.DoesNotContain("a secret", result.Findings.Single().ToString(), StringComparison.Ordinal);
    }
}
