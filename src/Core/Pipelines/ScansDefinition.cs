using Serverless.Core.Security;

namespace Serverless.Core.Pipelines;

/// <summary>Security scans run in parallel, and the severities that fail the gate (see <see cref="SecurityGate"/>).</summary>
public sealed record ScansDefinition
{
    public IReadOnlyList<ScanDefinition> Scanners { get; init; } = [];
    public IReadOnlyList<Severity> Block { get; init; } = PipelineDefaults.BlockedSeverities;
}

/// <summary>
/// One named scan: the built-in secret scanner (<see cref="IsBuiltin"/>, only for <c>secrets</c>), or a command in
/// <see cref="Step"/> that writes a <see cref="Format"/> report to standard output.
/// </summary>
public sealed record ScanDefinition
{
    public required string Name { get; init; }
    public bool IsBuiltin { get; init; }
    public CommandStep? Step { get; init; }
    public ScanReportFormat Format { get; init; } = ScanReportFormat.Sarif;
}
