using System.Text.Json.Serialization;

namespace Serverless.Core.Security.Sarif;

/// <summary>A rule (SARIF reportingDescriptor).</summary>
public sealed record SarifReportingDescriptor
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public SarifMessage? ShortDescription { get; init; }

    public SarifMessage? FullDescription { get; init; }

    public SarifMessage? Help { get; init; }

    public SarifReportingConfiguration? DefaultConfiguration { get; init; }

    public SarifRuleProperties? Properties { get; init; }
}

public sealed record SarifReportingConfiguration(string Level);

/// <summary>The property bag GitHub code scanning reads on rules.</summary>
public sealed record SarifRuleProperties
{
    /// <summary>A score in (0, 10] as a string; GitHub maps it to critical / high / medium / low.</summary>
    [JsonPropertyName("security-severity")]
    public string? SecuritySeverity { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>very-high, high, medium or low: how often the rule's results are true.</summary>
    public string? Precision { get; init; }
}

public sealed record SarifMessage(string Text);
