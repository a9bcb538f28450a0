namespace Serverless.Functions.Operations.Security;

/// <summary>What one repository's scan found; the report itself is in the artifact store under <see cref="ReportName"/>.</summary>
public sealed record RepositoryScanSummary(
    string Repository,
    string? CommitSha,
    int Findings,
    int Secrets,
    int Critical,
    int High,
    IReadOnlyList<string> Errors,
    string? ReportName,
    bool Frozen);

public sealed record FreezeOverrideRequest(string? Reason, string? By);
