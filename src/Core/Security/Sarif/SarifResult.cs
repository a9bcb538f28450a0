namespace Serverless.Core.Security.Sarif;

public sealed record SarifResult
{
    public required string RuleId { get; init; }

    public int? RuleIndex { get; init; }

    /// <summary>One of <see cref="SarifLevel"/>'s values.</summary>
    public string? Level { get; init; }

    public required SarifMessage Message { get; init; }

    public IReadOnlyList<SarifLocation>? Locations { get; init; }

    public IReadOnlyDictionary<string, string>? PartialFingerprints { get; init; }

    /// <summary>Set when a result's severity differs from its rule's (consolidated logs), so readers keep it.</summary>
    public SarifResultProperties? Properties { get; init; }
}

public sealed record SarifResultProperties
{
    [System.Text.Json.Serialization.JsonPropertyName("security-severity")]
    public string? SecuritySeverity { get; init; }
}

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region = null);

public sealed record SarifArtifactLocation(string Uri);

/// <summary>Lines and columns are 1-based; columns count UTF-16 code units, SARIF's default.</summary>
public sealed record SarifRegion(int? StartLine = null, int? StartColumn = null, int? EndLine = null, int? EndColumn = null);
