namespace Serverless.Core.Security.Secrets;

/// <summary>
/// A secret the built-in scanner found. It holds no secret: <see cref="Fingerprint"/> is a hash and
/// <see cref="Redacted"/> keeps only the first four characters.
/// </summary>
/// <param name="File">Path relative to the scanned root, with forward slashes.</param>
/// <param name="Line">1-based.</param>
/// <param name="Column">1-based, in UTF-16 code units (SARIF's default column kind).</param>
/// <param name="Fingerprint">Stable across scans and line moves: a hash of rule, file and secret.</param>
public sealed record SecretFinding(
    string RuleId,
    Severity Severity,
    string File,
    int Line,
    int Column,
    string Fingerprint,
    string Redacted)
{
    public const string ToolName = "serverless-secrets";

    public ScanFinding ToScanFinding()
    {
        var rule = SecretRules.All.FirstOrDefault(candidate => candidate.Id == RuleId);
        var message = $"{rule?.Description.TrimEnd('.') ?? RuleId} ({Redacted}) in {File}:{Line}";
        return new ScanFinding(ToolName, RuleId, Severity, message, File, Line, Fingerprint);
    }
}
