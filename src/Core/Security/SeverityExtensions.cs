using System.Diagnostics.CodeAnalysis;

namespace Serverless.Core.Security;

/// <summary>Parsing and comparison of <see cref="Severity"/> values as they appear in pipeline.yml and scanner reports.</summary>
public static class SeverityExtensions
{
    /// <summary>Every severity, most serious first.</summary>
    public static IReadOnlyList<Severity> MostSeriousFirst { get; } = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low];

    public static bool IsAtLeast(this Severity severity, Severity threshold) => severity >= threshold;

    public static bool IsBelow(this Severity severity, Severity threshold) => severity < threshold;

    /// <summary>The lower-case name used in pipeline.yml and reasons: "critical", "high", "medium", "low".</summary>
    public static string ToDisplayName(this Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>Accepts "critical", "high", "medium" (or npm's "moderate") and "low", in any case, with surrounding spaces.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Severity? severity)
    {
        severity = text?.Trim().ToLowerInvariant() switch
        {
            "critical" => Severity.Critical,
            "high" => Severity.High,
            "medium" or "moderate" => Severity.Medium,
            "low" => Severity.Low,
            _ => null,
        };
        return severity is not null;
    }

    public static Severity Parse(string? text) =>
        TryParse(text, out var severity)
            ? severity.Value
            : throw new FormatException($"'{text}' is not a severity; expected one of critical, high, medium, low.");

    /// <summary>
    /// Maps a GitHub code scanning <c>security-severity</c> score: 9.0 and above critical, 7.0 high, 4.0 medium,
    /// above 0 low. Scores outside (0, 10] carry no severity, as GitHub treats them.
    /// </summary>
    public static Severity? FromSecuritySeverityScore(double score) => score switch
    {
        <= 0 or > 10 or double.NaN => null,
        >= 9 => Severity.Critical,
        >= 7 => Severity.High,
        >= 4 => Severity.Medium,
        _ => Severity.Low,
    };

    /// <summary>A score inside the band GitHub maps back to the same severity, as the string SARIF carries.</summary>
    public static string ToSecuritySeverityScore(this Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "2.0",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };
}
