namespace Serverless.Core.Security.Sarif;

/// <summary>
/// One SARIF log for findings from several scanners (the nightly scan's report): one run per tool, a rule per
/// rule id whose severity is the worst seen for it, and each result's own severity in its level and properties.
/// </summary>
public static class ConsolidatedSarif
{
    public const string FingerprintKey = "findingFingerprint/v1";

    public static SarifLog ToSarifLog(IEnumerable<ScanFinding> findings)
    {
        var runs = findings
            .GroupBy(finding => finding.Tool, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(ToRun)
            .ToList();
        return new SarifLog { Runs = runs };
    }

    private static SarifRun ToRun(IGrouping<string, ScanFinding> toolFindings)
    {
        var rules = toolFindings
            .GroupBy(finding => finding.RuleId, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Id: group.Key, Severity: group.Max(finding => finding.Severity)))
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);

        return new SarifRun
        {
            Tool = new SarifTool
            {
                Driver = new SarifToolComponent
                {
                    Name = toolFindings.Key,
                    Rules = rules.Select(rule => new SarifReportingDescriptor
                    {
                        Id = rule.Id,
                        ShortDescription = new SarifMessage(rule.Id),
                        DefaultConfiguration = new SarifReportingConfiguration(SarifLevel.FromSeverity(rule.Severity)),
                        Properties = new SarifRuleProperties { SecuritySeverity = rule.Severity.ToSecuritySeverityScore(), Tags = ["security"] },
                    }).ToList(),
                },
            },
            Results = toolFindings.Select(finding => new SarifResult
            {
                RuleId = finding.RuleId,
                RuleIndex = ruleIndex[finding.RuleId],
                Level = SarifLevel.FromSeverity(finding.Severity),
                Message = new SarifMessage(finding.Message),
                Locations = finding.File is null
                    ? null
                    : [new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(finding.File), finding.Line is { } line ? new SarifRegion(line) : null))],
                PartialFingerprints = new Dictionary<string, string> { [FingerprintKey] = finding.Fingerprint },
                Properties = new SarifResultProperties { SecuritySeverity = finding.Severity.ToSecuritySeverityScore() },
            }).ToList(),
        };
    }
}
