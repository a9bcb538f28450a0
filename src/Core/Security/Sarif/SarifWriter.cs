using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Serverless.Core.Security.Sarif;

/// <summary>Serialises a <see cref="SarifLog"/> as SARIF 2.1.0 JSON: camelCase, nulls omitted, indented.</summary>
public static class SarifWriter
{
    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Keeps non-ASCII text such as the redaction mark readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(SarifLog log) => JsonSerializer.Serialize(log, JsonOptions);

    public static Task WriteAsync(Stream destination, SarifLog log, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(destination, log, JsonOptions, cancellationToken);
}
