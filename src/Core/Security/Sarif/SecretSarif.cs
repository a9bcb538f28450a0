using Serverless.Core.Security.Secrets;

namespace Serverless.Core.Security.Sarif;

/// <summary>Turns the built-in scanner's findings into a SARIF log GitHub code scanning accepts.</summary>
public static class SecretSarif
{
    public const string FingerprintKey = "secretFingerprint/v1";

    /// <param name="rules">The rules that ran (all listed, found or not); defaults to every built-in rule.</param>
    public static SarifLog ToSarifLog(IEnumerable<SecretFinding> findings, IReadOnlyList<SecretRule>? rules = null, string? toolVersion = null)
    {
        rules ??= SecretRules.All;
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var results = findings.Select(finding =>
        {
            if (!ruleIndex.TryGetValue(finding.RuleId, out var index))
            {
                throw new ArgumentException($"Finding in {finding.File}:{finding.Line} has rule '{finding.RuleId}', which is not among the rules given.", nameof(findings));
            }
            var rule = rules[index];
            return new SarifResult
            {
                RuleId = rule.Id,
                RuleIndex = index,
                Level = SarifLevel.FromSeverity(finding.Severity),
                Message = new SarifMessage($"{rule.Description.TrimEnd('.')} ({finding.Redacted})."),
                Locations = [new SarifLocation(new SarifPhysicalLocation(
                    new SarifArtifactLocation(finding.File),
                    new SarifRegion(finding.Line, finding.Column)))],
                PartialFingerprints = new Dictionary<string, string> { [FingerprintKey] = finding.Fingerprint },
            };
        }).ToList();

        return new SarifLog
        {
            Runs =
            [
                new SarifRun
                {
                    Tool = new SarifTool
                    {
                        Driver = new SarifToolComponent
                        {
                            Name = SecretFinding.ToolName,
                            Version = toolVersion,
                            Rules = rules.Select(ToDescriptor).ToList(),
                        },
                    },
                    Results = results,
                },
            ],
        };
    }

    private static SarifReportingDescriptor ToDescriptor(SecretRule rule) => new()
    {
        Id = rule.Id,
        Name = rule.Name,
        ShortDescription = new SarifMessage(rule.Description),
        FullDescription = new SarifMessage(rule.Description),
        Help = new SarifMessage(rule.Help),
        DefaultConfiguration = new SarifReportingConfiguration(SarifLevel.FromSeverity(rule.Severity)),
        Properties = new SarifRuleProperties
        {
            SecuritySeverity = rule.Severity.ToSecuritySeverityScore(),
            Tags = ["security", "secret"],
            Precision = rule.IsGeneric ? "medium" : "high",
        },
    };
}
