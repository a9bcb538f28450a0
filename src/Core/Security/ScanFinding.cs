namespace Serverless.Core.Security;

/// <summary>
/// A finding from any scanner, normalised: what the security gate counts and consolidated SARIF carries.
/// </summary>
/// <param name="Tool">The scanner's name, as SARIF's tool.driver.name.</param>
/// <param name="File">Path or URI as the tool reported it; null when the finding has no location.</param>
/// <param name="Line">1-based; null when the tool gave none.</param>
/// <param name="Fingerprint">The tool's own fingerprint when it gave one, else a hash of tool, rule, location and message.</param>
public sealed record ScanFinding(
    string Tool,
    string RuleId,
    Severity Severity,
    string Message,
    string? File,
    int? Line,
    string Fingerprint);
