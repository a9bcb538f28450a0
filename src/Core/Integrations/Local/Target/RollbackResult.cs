using System.Text.Json.Serialization;

namespace Serverless.Core.Integrations.Local.Target;

[JsonConverter(typeof(JsonStringEnumConverter<RollbackOutcome>))]
public enum RollbackOutcome
{
    /// <summary>Traffic is back on the previous version; the one that was live is stopped.</summary>
    RolledBack,

    /// <summary>A candidate (blue-green idle slot or canary) was stopped; the live version keeps all traffic.</summary>
    CandidateStopped,

    /// <summary>Nothing to undo (already rolled back, or no earlier version); nothing changed.</summary>
    NothingToRollBack,
}

public sealed record RollbackResult(RollbackOutcome Outcome, string Environment, string Service, string? LiveVersion, string? StoppedVersion, string Message);
