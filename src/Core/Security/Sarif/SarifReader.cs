using System.Text.Json;

namespace Serverless.Core.Security.Sarif;

/// <summary>
/// Reads SARIF 2.1.0 from any tool (Trivy, Checkov, gitleaks, CodeQL, our own) into <see cref="ScanFinding"/>s.
/// Tolerant: each malformed part yields an error naming where it is, and the rest still loads.
/// </summary>
public static class SarifReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static SarifReadResult ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static SarifReadResult Read(Stream utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            return NotJson(exception);
        }
    }

    public static SarifReadResult Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            return NotJson(exception);
        }
    }

    public static SarifReadResult Read(JsonElement log)
    {
        var findings = new List<ScanFinding>();
        var errors = new List<SarifReadError>();
        if (log.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SarifReadError("$", $"a SARIF log is a JSON object, not {Describe(log.ValueKind)}"));
            return new SarifReadResult(findings, errors);
        }

        JsonElement? root = log;
        var version = root.String("version");
        if (version != SarifLog.SupportedVersion)
        {
            errors.Add(new SarifReadError("$.version", version is null
                ? "missing; read as SARIF 2.1.0"
                : $"'{version}' is not {SarifLog.SupportedVersion}; read as {SarifLog.SupportedVersion}"));
        }

        // SARIF allows "runs": null for a tool that failed before producing any run.
        if (log.TryGetProperty("runs", out var runs) && runs.ValueKind == JsonValueKind.Null)
        {
            return new SarifReadResult(findings, errors);
        }
        if (runs.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new SarifReadError("$.runs", runs.ValueKind == JsonValueKind.Undefined ? "missing; a SARIF log needs an array of runs" : $"must be an array, not {Describe(runs.ValueKind)}"));
            return new SarifReadResult(findings, errors);
        }

        var index = 0;
        foreach (var run in runs.EnumerateArray())
        {
            SarifRunReader.Read(run, $"runs[{index++}]", findings, errors);
        }
        return new SarifReadResult(findings, errors);
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    // The exception's own message can quote the offending text; the position is enough and quotes nothing.
    private static SarifReadResult NotJson(JsonException exception) =>
        new([], [new SarifReadError("$", $"not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})")]);
}
