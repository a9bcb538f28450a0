namespace Serverless.Core.Security.Sarif;

/// <summary>A scanner's SARIF report as read, named by where it came from (a file, or a scan in pipeline.yml).</summary>
public sealed record ScanSource(string Name, SarifReadResult Result);

/// <summary>One repository's findings from every scanner, deduplicated, with the problems met reading the reports.</summary>
public sealed record ConsolidatedScan(IReadOnlyList<ScanFinding> Findings, IReadOnlyList<string> Errors)
{
    public SarifLog ToSarifLog() => ConsolidatedSarif.ToSarifLog(Findings);

    public int CountBySeverity(Severity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>
/// Merges findings from several scanners: the same fingerprint reported twice (two scanners, or a scanner run
/// twice) counts once, at its worst severity. A malformed report contributes what could be read and an error named
/// after its source; it never hides the other reports.
/// </summary>
public static class ScanConsolidation
{
    public static ConsolidatedScan Consolidate(IEnumerable<ScanFinding> builtIn, IEnumerable<ScanSource> sources)
    {
        var errors = new List<string>();
        var all = builtIn.ToList();
        foreach (var source in sources)
        {
            all.AddRange(source.Result.Findings);
            errors.AddRange(source.Result.Errors.Select(e => $"{source.Name}: {e}"));
        }
        var findings = all
            .GroupBy(f => f.Fingerprint, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(f => f.Severity).First())
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Tool, StringComparer.Ordinal)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();
        return new ConsolidatedScan(findings, errors);
    }

    /// <summary>A report that could not be produced at all (the scanner failed, its output was not JSON).</summary>
    public static ScanSource Failed(string name, string message) =>
        new(name, new SarifReadResult([], [new SarifReadError("$", message)]));
}
