using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Security;

/// <summary>Decides whether findings block a deployment: any finding at a blocking severity fails the gate.</summary>
public static class SecurityGate
{
    /// <summary>pipeline.yml's default: <c>block: [critical, high]</c>.</summary>
    public static IReadOnlyCollection<Severity> DefaultBlock { get; } = [Severity.Critical, Severity.High];

    public static SecurityGateResult Evaluate(IEnumerable<ScanFinding> findings, IReadOnlyCollection<Severity> block) =>
        Evaluate(findings.Select(finding => finding.Severity), block);

    public static SecurityGateResult Evaluate(IEnumerable<SecretFinding> findings, IReadOnlyCollection<Severity> block) =>
        Evaluate(findings.Select(finding => finding.Severity), block);

    public static SecurityGateResult Evaluate(IEnumerable<Severity> severities, IReadOnlyCollection<Severity> block)
    {
        var counts = SeverityExtensions.MostSeriousFirst.ToDictionary(severity => severity, _ => 0);
        foreach (var severity in severities)
        {
            if (!counts.ContainsKey(severity))
            {
                throw new ArgumentOutOfRangeException(nameof(severities), severity, "Unknown severity.");
            }
            counts[severity]++;
        }

        var blocked = SeverityExtensions.MostSeriousFirst.Where(block.Contains).ToList();
        var blocking = blocked.Sum(severity => counts[severity]);
        var scope = DescribeScope(blocked);
        var reason = blocking == 0
            ? blocked.Count == 0 ? "no severity blocks" : $"no findings {scope}"
            : $"{blocking} {Plural(blocking)} {scope}: " + string.Join(", ", blocked
                .Where(severity => counts[severity] > 0)
                .Select(severity => $"{counts[severity]} {severity.ToDisplayName()}"));
        return new SecurityGateResult(blocking == 0, counts, blocking, reason);
    }

    // [critical, high] reads "at or above high"; a set with gaps, such as [critical, low], is listed as it is.
    private static string DescribeScope(IReadOnlyList<Severity> blockedMostSeriousFirst)
    {
        if (blockedMostSeriousFirst.Count == 0)
        {
            return "";
        }
        var lowest = blockedMostSeriousFirst[^1];
        var contiguousFromTop = SeverityExtensions.MostSeriousFirst.TakeWhile(severity => severity >= lowest).SequenceEqual(blockedMostSeriousFirst);
        if (contiguousFromTop)
        {
            return lowest == Severity.Critical ? "at critical" : $"at or above {lowest.ToDisplayName()}";
        }
        return "at " + string.Join(" or ", blockedMostSeriousFirst.Select(severity => severity.ToDisplayName()));
    }

    private static string Plural(int count) => count == 1 ? "finding" : "findings";
}
