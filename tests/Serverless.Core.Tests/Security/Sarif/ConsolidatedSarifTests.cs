using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;

namespace Serverless.Core.Tests.Security.Sarif;

public sealed class ConsolidatedSarifTests
{
    [Fact]
    public void Corpus_findings_consolidate_into_one_valid_log_that_reads_back_the_same()
    {
        var findings = Corpus.SarifFiles().SelectMany(file => SarifReader.ReadFile(Corpus.PathOf(file)).Findings).ToList();

        var json = SarifWriter.Serialize(ConsolidatedSarif.ToSarifLog(findings));
        var read = SarifReader.Read(json);

        Assert.Empty(SarifShape.Problems(json));
        Assert.Empty(read.Errors);
        Assert.Equal(findings.OrderBy(f => f.Tool, StringComparer.Ordinal), read.Findings);
    }

    [Fact]
    public void One_run_per_tool_and_a_rule_carries_the_worst_severity_seen_for_it()
    {
        var log = ConsolidatedSarif.ToSarifLog(
        [
            new ScanFinding("trivy", "CVE-2", Severity.Medium, "libssl", "image.tar", 1, "f1"),
            new ScanFinding("checkov", "CKV_1", Severity.Low, "bucket", "s3.tf", null, "f2"),
            new ScanFinding("trivy", "CVE-2", Severity.Critical, "libcrypto", "image.tar", 1, "f3"),
            new ScanFinding("trivy", "CVE-1", Severity.Low, "zlib", null, null, "f4"),
        ]);

        Assert.Equal(["checkov", "trivy"], log.Runs.Select(run => run.Tool.Driver.Name));
        var trivy = log.Runs[1];
        Assert.Equal(
            [("CVE-1", "2.0", "note"), ("CVE-2", "9.5", "error")],
            trivy.Tool.Driver.Rules!.Select(rule => (rule.Id, rule.Properties!.SecuritySeverity, rule.DefaultConfiguration!.Level)));
        Assert.Equal([1, 1, 0], trivy.Results.Select(result => result.RuleIndex!.Value));
        Assert.Equal(["warning", "error", "note"], trivy.Results.Select(result => result.Level));
        Assert.Null(trivy.Results[2].Locations);
        Assert.Null(log.Runs[0].Results[0].Locations![0].PhysicalLocation.Region);
    }
}
