using System.Globalization;
using System.Text.Json;

namespace Serverless.Core.Security.Sarif;

/// <summary>Lenient lookups: a missing property, JSON null and a value of the wrong kind all read as absent.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Property(this JsonElement? element, string name) => element?.Property(name);

    public static string? String(this JsonElement? element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static int? Int(this JsonElement? element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public static IReadOnlyList<JsonElement> Array(this JsonElement? element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray().ToList() : [];

    /// <summary>A number, or a string holding one (tools disagree on which <c>security-severity</c> is).</summary>
    public static double? Number(this JsonElement? element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
