using System.Text.Json;

namespace Serverless.Core.Security.Sarif;

/// <summary>Reads one run: its tool, its rules (driver and extensions) and its results.</summary>
internal static class SarifRunReader
{
    public const string UnknownTool = "unknown";

    public static void Read(JsonElement run, string path, List<ScanFinding> findings, List<SarifReadError> errors)
    {
        if (run.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SarifReadError(path, $"a run is a JSON object, not {SarifReader.Describe(run.ValueKind)}; skipped"));
            return;
        }

        JsonElement? runElement = run;
        var results = runElement.Property("results");
        var resultList = runElement.Array("results");
        if (results is { } present && present.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new SarifReadError($"{path}.results", $"must be an array, not {SarifReader.Describe(present.ValueKind)}; no results read"));
        }

        var driver = runElement.Property("tool").Property("driver");
        var tool = driver.String("name");
        if (string.IsNullOrWhiteSpace(tool))
        {
            var missing = runElement.Property("tool") is null ? "tool" : driver is null ? "tool.driver" : "tool.driver.name";
            errors.Add(new SarifReadError(path, $"run has no {missing}, which SARIF requires; its {resultList.Count} result(s) are read with tool '{UnknownTool}'"));
            tool = UnknownTool;
        }

        var rules = SarifRuleCatalog.From(runElement.Property("tool"));
        for (var i = 0; i < resultList.Count; i++)
        {
            findings.Add(SarifResultReader.Read(resultList[i], $"{path}.results[{i}]", tool, rules, errors));
        }
    }
}
