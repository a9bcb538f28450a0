using System.Text.Json.Serialization;

namespace Serverless.Core.Security.Sarif;

/// <summary>The root of a SARIF 2.1.0 log: the subset our writer emits and GitHub code scanning reads.</summary>
public sealed record SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SupportedVersion = "2.1.0";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema { get; init; } = SchemaUri;

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = SupportedVersion;

    public required IReadOnlyList<SarifRun> Runs { get; init; }
}

public sealed record SarifRun
{
    public required SarifTool Tool { get; init; }

    public required IReadOnlyList<SarifResult> Results { get; init; }
}

public sealed record SarifTool
{
    public required SarifToolComponent Driver { get; init; }
}

public sealed record SarifToolComponent
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? InformationUri { get; init; }

    public IReadOnlyList<SarifReportingDescriptor>? Rules { get; init; }
}
