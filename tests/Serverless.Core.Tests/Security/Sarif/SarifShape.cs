using System.Globalization;
using System.Text.Json;

namespace Serverless.Core.Tests.Security.Sarif;

/// <summary>
/// A hand-written check of what SARIF 2.1.0 requires (sarifLog: version, runs; run: tool.driver.name; result:
/// message; reportingDescriptor: id; level among none/note/warning/error) plus what GitHub code scanning needs
/// to show a result well (rule descriptions and help, security-severity in (0, 10], locations, partialFingerprints).
/// </summary>
internal static class SarifShape
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(json);
        var log = document.RootElement;
        NoNulls(log, "$", problems);

        Require(log.TryGetProperty("$schema", out var schema) && schema.GetString() == "https://json.schemastore.org/sarif-2.1.0.json", "$.$schema", problems);
        Require(log.TryGetProperty("version", out var version) && version.GetString() == "2.1.0", "$.version", problems);
        if (!log.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            problems.Add("$.runs missing");
            return problems;
        }

        var r = 0;
        foreach (var run in runs.EnumerateArray())
        {
            var path = $"runs[{r++}]";
            var driver = run.GetProperty("tool").GetProperty("driver");
            Require(NonEmpty(driver, "name"), $"{path}.tool.driver.name", problems);
            var rules = driver.TryGetProperty("rules", out var ruleArray) ? ruleArray.EnumerateArray().ToList() : [];
            for (var i = 0; i < rules.Count; i++)
            {
                var rulePath = $"{path}.tool.driver.rules[{i}]";
                Require(NonEmpty(rules[i], "id"), $"{rulePath}.id", problems);
                Require(rules[i].TryGetProperty("shortDescription", out var shortDescription) && NonEmpty(shortDescription, "text"), $"{rulePath}.shortDescription.text", problems);
                Require(rules[i].TryGetProperty("defaultConfiguration", out var configuration) && Levels.Contains(configuration.GetProperty("level").GetString()), $"{rulePath}.defaultConfiguration.level", problems);
                Require(
                    rules[i].TryGetProperty("properties", out var properties)
                    && properties.TryGetProperty("security-severity", out var score)
                    && score.ValueKind == JsonValueKind.String
                    && double.TryParse(score.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    && value is > 0 and <= 10,
                    $"{rulePath}.properties.security-severity",
                    problems);
            }

            var j = 0;
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var resultPath = $"{path}.results[{j++}]";
                Require(result.TryGetProperty("message", out var message) && NonEmpty(message, "text"), $"{resultPath}.message.text", problems);
                Require(NonEmpty(result, "ruleId"), $"{resultPath}.ruleId", problems);
                if (result.TryGetProperty("ruleIndex", out var ruleIndex))
                {
                    var index = ruleIndex.GetInt32();
                    Require(index >= 0 && index < rules.Count && rules[index].GetProperty("id").GetString() == result.GetProperty("ruleId").GetString(), $"{resultPath}.ruleIndex", problems);
                }
                Require(!result.TryGetProperty("level", out var level) || Levels.Contains(level.GetString()), $"{resultPath}.level", problems);
                Require(result.TryGetProperty("partialFingerprints", out var fingerprints) && fingerprints.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String), $"{resultPath}.partialFingerprints", problems);
                if (result.TryGetProperty("locations", out var locations))
                {
                    foreach (var location in locations.EnumerateArray())
                    {
                        var physical = location.GetProperty("physicalLocation");
                        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
                        Require(uri.Length > 0 && !uri.Contains('\\') && !Path.IsPathRooted(uri), $"{resultPath} location uri '{uri}'", problems);
                        if (physical.TryGetProperty("region", out var region))
                        {
                            Require(region.GetProperty("startLine").GetInt32() >= 1, $"{resultPath} region.startLine", problems);
                            Require(!region.TryGetProperty("startColumn", out var column) || column.GetInt32() >= 1, $"{resultPath} region.startColumn", problems);
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static void Require(bool condition, string what, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(what + " missing or invalid");
        }
    }

    private static bool NonEmpty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString());

    private static void NoNulls(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                problems.Add(path + " is null (should be omitted)");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    NoNulls(property.Value, path + "." + property.Name, problems);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    NoNulls(item, $"{path}[{i++}]", problems);
                }
                break;
        }
    }
}
