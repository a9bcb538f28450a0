namespace Serverless.Functions.Operations.Security;

/// <summary>What one repository's scan found; the report itself is in the artifact store under <see cref="ReportName"/>.</summary>
public sealed record RepositoryScanSummary(
    string Repository,
    string? CommitSha,
    DateTime ScannedAt,
    int Findings,
    int Secrets,
    int Critical,
    int High,
    int Medium,
    int Low,
    IReadOnlyList<string> Errors,
    string? ReportName,
    bool Frozen);

public sealed record FreezeOverrideRequest(string? Reason, string? By);

/// <summary>One repository on the security overview.</summary>
public sealed record SecurityOverviewRow(
    string Repository,
    string? CommitSha,
    DateTime? ScannedAt,
    SeverityCounts Findings,
    int Total,
    IReadOnlyList<string> Errors,
    DeploymentFreeze? Freeze)
{
    public static SecurityOverviewRow From(string repository, RepositoryScanSummary? summary, DeploymentFreeze? freeze) => new(
        repository,
        summary?.CommitSha,
        summary?.ScannedAt,
        summary is null ? new SeverityCounts(0, 0, 0, 0) : new SeverityCounts(summary.Critical, summary.High, summary.Medium, summary.Low),
        summary?.Findings ?? 0,
        summary?.Errors ?? [],
        freeze);
}

public sealed record SeverityCounts(int Critical, int High, int Medium, int Low);
