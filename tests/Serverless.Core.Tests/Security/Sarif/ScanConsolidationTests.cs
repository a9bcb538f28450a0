using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;

namespace Serverless.Core.Tests.Security.Sarif;

public sealed class ScanConsolidationTests
{
    private static IEnumerable<ScanSource> CorpusSources() =>
        Corpus.SarifFiles().Select(file => new ScanSource(file, SarifReader.ReadFile(Corpus.PathOf(file))));

    [Fact]
    public void The_corpus_consolidates_into_one_report_with_each_malformed_file_named_in_its_errors()
    {
        var scan = ScanConsolidation.Consolidate([], CorpusSources());

        Assert.Equal(2 + 1 + 12 + 4, scan.Findings.Count);
        Assert.Equal(2, scan.Errors.Count);
        Assert.Contains(scan.Errors, e => e.StartsWith("gitleaks-sarif_simple.sarif: ", StringComparison.Ordinal));
        Assert.Contains(scan.Errors, e => e.StartsWith("openapi-runner-results.partial.sarif: ", StringComparison.Ordinal));
        var log = scan.ToSarifLog();
        Assert.Equal("2.1.0", log.Version);
        Assert.Equal(scan.Findings.Count, log.Runs.Sum(r => r.Results.Count));
        Assert.Equal(scan.Findings.Select(f => f.Tool).Distinct().Count(), log.Runs.Count);
    }

    [Fact]
    public void The_same_report_twice_counts_once()
    {
        var twice = CorpusSources().Concat(CorpusSources()).ToList();

        Assert.Equal(ScanConsolidation.Consolidate([], CorpusSources()).Findings.Count, ScanConsolidation.Consolidate([], twice).Findings.Count);
    }

    [Fact]
    public void A_duplicate_keeps_its_worst_severity_and_findings_are_worst_first()
    {
        ScanFinding Finding(Severity severity, string fingerprint) => new("tool", "rule", severity, "m", "a.txt", 1, fingerprint);

        var scan = ScanConsolidation.Consolidate([Finding(Severity.Low, "f1"), Finding(Severity.High, "f1"), Finding(Severity.Medium, "f2")], []);

        Assert.Equal([Severity.High, Severity.Medium], scan.Findings.Select(f => f.Severity));
    }

    [Fact]
    public void A_scanner_that_produced_nothing_readable_is_an_error_and_the_rest_still_counts()
    {
        var scan = ScanConsolidation.Consolidate([], [.. CorpusSources(), ScanConsolidation.Failed("npm-audit", "not SARIF: unexpected character")]);

        Assert.Contains("npm-audit: $: not SARIF: unexpected character", scan.Errors);
        Assert.Equal(19, scan.Findings.Count);
    }
}
