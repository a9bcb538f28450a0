namespace Serverless.Core.Security.Sarif;

/// <summary>
/// What a tolerant read of a SARIF log yielded. Malformed parts are reported in <see cref="Errors"/>; findings are
/// still read wherever the part can be read at all, so a broken report never hides a finding silently.
/// </summary>
public sealed record SarifReadResult(IReadOnlyList<ScanFinding> Findings, IReadOnlyList<SarifReadError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}

/// <param name="Path">Where in the log, e.g. <c>runs[0].results[3]</c>; <c>$</c> for the log as a whole.</param>
public sealed record SarifReadError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
