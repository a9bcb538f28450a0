namespace Serverless.Core.Security;

/// <summary>The security gate's decision.</summary>
/// <param name="Counts">Findings per severity, every severity present (zero when none).</param>
/// <param name="Blocking">How many findings are at a blocking severity.</param>
/// <param name="Reason">One line for people, e.g. "2 findings at or above high: 1 critical, 1 high".</param>
public sealed record SecurityGateResult(bool Passed, IReadOnlyDictionary<Severity, int> Counts, int Blocking, string Reason);
