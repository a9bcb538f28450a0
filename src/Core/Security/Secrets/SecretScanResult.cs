namespace Serverless.Core.Security.Secrets;

/// <summary>What a scan found, and what it did not look at and why.</summary>
/// <param name="Findings">Ordered by file, line, column, rule.</param>
/// <param name="Skipped">Ordered by path.</param>
public sealed record SecretScanResult(IReadOnlyList<SecretFinding> Findings, int FilesScanned, IReadOnlyList<SkippedFile> Skipped);

public sealed record SkippedFile(string File, SkipReason Reason);

public enum SkipReason
{
    Allowlisted,
    Binary,
    TooLarge,
    Unreadable,
}
