using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Serverless.Core.Security.Sarif;

/// <summary>Reads one result into a <see cref="ScanFinding"/>, noting anything malformed but losing no finding.</summary>
internal static class SarifResultReader
{
    public const string UnknownRule = "unknown";

    // Fingerprints that are already a finding's whole identity (ours); other partial fingerprints are hashed together.
    private static readonly string[] CompleteFingerprintKeys = [SecretSarif.FingerprintKey, ConsolidatedSarif.FingerprintKey];

    public static ScanFinding Read(JsonElement element, string path, string tool, SarifRuleCatalog rules, List<SarifReadError> errors)
    {
        JsonElement? result = element;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SarifReadError(path, $"a result is a JSON object, not {SarifReader.Describe(element.ValueKind)}; read as an unknown finding"));
            result = null;
        }

        var ruleIndex = result.Int("ruleIndex") ?? result.Property("rule").Int("index");
        var rule = rules.ByIndex(ruleIndex);
        var ruleId = result.String("ruleId") ?? result.Property("rule").String("id") ?? rule.String("id");
        if (ruleId is null)
        {
            errors.Add(new SarifReadError(path, $"result has no ruleId; read with rule '{UnknownRule}'"));
            ruleId = UnknownRule;
        }
        else if (rule.String("id") != ruleId)
        {
            rule = rules.ById(ruleId);
            if (rule is null && !rules.IsEmpty)
            {
                errors.Add(new SarifReadError(path, $"ruleId '{ruleId}' is not among tool.driver.rules; its severity comes from the result alone"));
            }
        }

        var severity = ResolveSeverity(result, rule, path, errors);
        var message = ReadMessage(result, rule, ruleId, path, errors);
        var location = result.Array("locations").FirstOrDefault();
        var physical = ((JsonElement?)location).Property("physicalLocation");
        var file = physical.Property("artifactLocation").String("uri");
        var line = physical.Property("region").Int("startLine") is > 0 and var startLine ? startLine : (int?)null;
        var fingerprint = ReadFingerprint(result, tool, ruleId) ?? Hash(tool, ruleId, file ?? "", line?.ToString(CultureInfo.InvariantCulture) ?? "", message);

        return new ScanFinding(tool, ruleId, severity, message, file, line, fingerprint);
    }

    /// <summary>security-severity (result, then rule) as GitHub reads it; else level (result, then rule default); else SARIF's default, warning.</summary>
    private static Severity ResolveSeverity(JsonElement? result, JsonElement? rule, string path, List<SarifReadError> errors)
    {
        foreach (var properties in new[] { result.Property("properties"), rule.Property("properties") })
        {
            if (properties.Number("security-severity") is { } score && SeverityExtensions.FromSecuritySeverityScore(score) is { } scored)
            {
                return scored;
            }
        }

        var level = result.String("level") ?? rule.Property("defaultConfiguration").String("level") ?? SarifLevel.Default;
        if (SarifLevel.ToSeverity(level) is { } fromLevel)
        {
            return fromLevel;
        }
        if (SeverityExtensions.TryParse(level, out var named))
        {
            errors.Add(new SarifReadError(path, $"level '{level}' is not a SARIF level (error, warning, note, none); read as severity {named.Value.ToDisplayName()}"));
            return named.Value;
        }
        errors.Add(new SarifReadError(path, $"level '{level}' is not a SARIF level (error, warning, note, none); read as {SarifLevel.Default}"));
        return SarifLevel.ToSeverity(SarifLevel.Default)!.Value;
    }

    private static string ReadMessage(JsonElement? result, JsonElement? rule, string ruleId, string path, List<SarifReadError> errors)
    {
        var message = result.Property("message");
        if (message.String("text") is { } text)
        {
            return text;
        }
        if (message.String("id") is { } id && rule.Property("messageStrings").Property(id).String("text") is { } template)
        {
            return FormatTemplate(template, message.Array("arguments"));
        }
        errors.Add(new SarifReadError(path, "result has no message text, which SARIF requires; the rule's description stands in"));
        return rule.Property("shortDescription").String("text") ?? rule.Property("fullDescription").String("text") ?? ruleId;
    }

    private static string FormatTemplate(string template, IReadOnlyList<JsonElement> arguments)
    {
        var text = template;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i].ValueKind == JsonValueKind.String ? arguments[i].GetString() : arguments[i].GetRawText();
            text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", argument, StringComparison.Ordinal);
        }
        return text;
    }

    private static string? ReadFingerprint(JsonElement? result, string tool, string ruleId)
    {
        var full = Pairs(result.Property("fingerprints"));
        if (full.Count > 0)
        {
            return full[0].Value;
        }
        var partial = Pairs(result.Property("partialFingerprints"));
        foreach (var key in CompleteFingerprintKeys)
        {
            if (partial.FirstOrDefault(pair => pair.Key == key).Value is { } ours)
            {
                return ours;
            }
        }
        return partial.Count > 0 ? Hash([tool, ruleId, .. partial.Select(pair => pair.Key + "=" + pair.Value)]) : null;
    }

    private static List<KeyValuePair<string, string>> Pairs(JsonElement? bag) =>
        bag is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject()
                .Where(property => property.Value.ValueKind == JsonValueKind.String)
                .Select(property => KeyValuePair.Create(property.Name, property.Value.GetString()!))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .ToList()
            : [];

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))))[..32];
}
