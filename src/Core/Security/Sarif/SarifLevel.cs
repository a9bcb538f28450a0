namespace Serverless.Core.Security.Sarif;

/// <summary>SARIF's result levels, and how they map to and from <see cref="Severity"/>.</summary>
public static class SarifLevel
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Note = "note";
    public const string None = "none";

    /// <summary>SARIF's default when neither a result nor its rule says.</summary>
    public const string Default = Warning;

    public static string FromSeverity(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => Error,
        Severity.Medium => Warning,
        _ => Note,
    };

    /// <summary>Null for a level SARIF does not define.</summary>
    public static Severity? ToSeverity(string? level) => level switch
    {
        Error => Severity.High,
        Warning => Severity.Medium,
        Note or None => Severity.Low,
        _ => null,
    };
}
