using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;

namespace Serverless.Core.Tests.Security.Sarif;

public sealed class SarifReaderTests
{
    private const string Rules = """
        "rules": [
          { "id": "R1", "shortDescription": { "text": "Rule one" }, "defaultConfiguration": { "level": "note" },
            "messageStrings": { "default": { "text": "{0} is exposed in {1}" } } },
          { "id": "R2", "properties": { "security-severity": "9.1" } },
          { "id": "CA2101" }
        ]
        """;

    private static string Log(string results, string tool = $$"""{ "driver": { "name": "t", {{Rules}} } }""") => $$"""
        { "version": "2.1.0", "runs": [ { "tool": {{tool}}, "results": [ {{results}} ] } ] }
        """;

    private static ScanFinding One(string result)
    {
        var read = SarifReader.Read(Log(result));
        Assert.Empty(read.Errors);
        return Assert.Single(read.Findings);
    }

    public static TheoryData<string, string, Severity> Severities => new()
    {
        { "rule security-severity as a string", """{ "ruleId": "R2", "message": { "text": "m" } }""", Severity.Critical },
        { "result security-severity wins over the rule's", """{ "ruleId": "R2", "message": { "text": "m" }, "properties": { "security-severity": 7.0 } }""", Severity.High },
        { "score 4.0 is medium", """{ "ruleId": "R2", "message": { "text": "m" }, "properties": { "security-severity": "4.0" } }""", Severity.Medium },
        { "score 3.9 is low", """{ "ruleId": "R2", "message": { "text": "m" }, "properties": { "security-severity": 3.9 } }""", Severity.Low },
        { "score 0 carries no severity", """{ "ruleId": "R1", "message": { "text": "m" }, "properties": { "security-severity": 0 } }""", Severity.Low },
        { "score 11 carries no severity", """{ "ruleId": "R1", "level": "error", "message": { "text": "m" }, "properties": { "security-severity": "11" } }""", Severity.High },
        { "unparsable score carries no severity", """{ "ruleId": "R1", "level": "warning", "message": { "text": "m" }, "properties": { "security-severity": "n/a" } }""", Severity.Medium },
        { "result level wins over the rule default", """{ "ruleId": "R1", "level": "error", "message": { "text": "m" } }""", Severity.High },
        { "rule default level", """{ "ruleId": "R1", "message": { "text": "m" } }""", Severity.Low },
        { "no level anywhere is SARIF's warning", """{ "ruleId": "CA2101", "message": { "text": "m" } }""", Severity.Medium },
        { "level none", """{ "ruleId": "CA2101", "level": "none", "message": { "text": "m" } }""", Severity.Low },
    };

    [Theory]
    [MemberData(nameof(Severities))]
    public void Severity_comes_from_security_severity_then_level(string caseName, string result, Severity expected)
    {
        Assert.True(expected == One(result).Severity, caseName);
    }

    [Fact]
    public void A_level_sarif_does_not_define_is_an_error_but_a_severity_name_is_understood()
    {
        var read = SarifReader.Read(Log("""{ "ruleId": "CA2101", "level": "critical", "message": { "text": "m" } }, { "ruleId": "CA2101", "level": "bad", "message": { "text": "m" } }"""));

        Assert.Equal([Severity.Critical, Severity.Medium], read.Findings.Select(finding => finding.Severity));
        Assert.Equal(
            [
                "runs[0].results[0]: level 'critical' is not a SARIF level (error, warning, note, none); read as severity critical",
                "runs[0].results[1]: level 'bad' is not a SARIF level (error, warning, note, none); read as warning",
            ],
            read.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Rule_comes_from_rule_index_when_the_result_has_no_rule_id()
    {
        Assert.Equal(("R2", Severity.Critical), (One("""{ "ruleIndex": 1, "message": { "text": "m" } }""") is var f ? (f.RuleId, f.Severity) : default));
    }

    [Fact]
    public void A_hierarchical_rule_id_finds_its_parent_rule()
    {
        Assert.Equal("CA2101/1", One("""{ "ruleId": "CA2101/1", "message": { "text": "m" } }""").RuleId);
    }

    [Fact]
    public void Rules_of_tool_extensions_are_found_by_id()
    {
        var tool = """{ "driver": { "name": "CodeQL" }, "extensions": [ { "name": "pack", "rules": [ { "id": "js/xss", "properties": { "security-severity": "6.1" } } ] } ] }""";

        var read = SarifReader.Read(Log("""{ "ruleId": "js/xss", "message": { "text": "m" } }""", tool));

        Assert.Empty(read.Errors);
        Assert.Equal(("CodeQL", Severity.Medium), (read.Findings[0].Tool, read.Findings[0].Severity));
    }

    [Fact]
    public void Without_any_rules_listed_an_unknown_rule_id_is_fine()
    {
        var read = SarifReader.Read(Log("""{ "ruleId": "X", "level": "error", "message": { "text": "m" } }""", """{ "driver": { "name": "bare" } }"""));

        Assert.Empty(read.Errors);
        Assert.Equal(Severity.High, Assert.Single(read.Findings).Severity);
    }

    [Fact]
    public void Message_templates_are_filled_from_the_rule()
    {
        var finding = One("""{ "ruleId": "R1", "message": { "id": "default", "arguments": ["key", "app.cs"] } }""");

        Assert.Equal("key is exposed in app.cs", finding.Message);
    }

    [Fact]
    public void A_result_without_message_or_rule_id_is_an_error_and_still_loads()
    {
        var read = SarifReader.Read(Log("""{ "ruleIndex": 0 }, { "message": { "text": "orphan" } }"""));

        Assert.Equal(
            [
                "runs[0].results[0]: result has no message text, which SARIF requires; the rule's description stands in",
                "runs[0].results[1]: result has no ruleId; read with rule 'unknown'",
            ],
            read.Errors.Select(error => error.ToString()));
        Assert.Equal([("R1", "Rule one"), ("unknown", "orphan")], read.Findings.Select(finding => (finding.RuleId, finding.Message)));
    }

    [Fact]
    public void Locations_are_optional()
    {
        var finding = One("""{ "ruleId": "R1", "message": { "text": "m" } }""");

        Assert.Equal((null, null), (finding.File, finding.Line));
    }

    [Fact]
    public void A_tool_fingerprint_is_kept_and_partial_fingerprints_are_combined_stably()
    {
        var full = One("""{ "ruleId": "R1", "message": { "text": "m" }, "fingerprints": { "b": "second", "a": "first" } }""");
        var partialOneOrder = One("""{ "ruleId": "R1", "message": { "text": "m" }, "partialFingerprints": { "x": "1", "y": "2" } }""");
        var partialOtherOrder = One("""{ "ruleId": "R1", "message": { "text": "other" }, "partialFingerprints": { "y": "2", "x": "1" } }""");
        var otherRule = One("""{ "ruleId": "R2", "message": { "text": "m" }, "partialFingerprints": { "x": "1", "y": "2" } }""");

        Assert.Equal("first", full.Fingerprint);
        Assert.Equal(partialOneOrder.Fingerprint, partialOtherOrder.Fingerprint);
        Assert.NotEqual(partialOneOrder.Fingerprint, otherRule.Fingerprint);
    }

    [Fact]
    public void One_bad_run_does_not_stop_the_others()
    {
        var json = $$"""
            { "version": "2.1.0", "runs": [
              { "results": [ { "ruleId": "A", "message": { "text": "m" } } ] },
              42,
              { "tool": { "driver": { "name": "good" } }, "results": "oops" },
              { "tool": { "driver": { "name": "good" } }, "results": [ { "ruleId": "B", "level": "error", "message": { "text": "m" } }, "junk" ] }
            ] }
            """;

        var read = SarifReader.Read(json);

        Assert.Equal(
            [
                "runs[0]: run has no tool, which SARIF requires; its 1 result(s) are read with tool 'unknown'",
                "runs[1]: a run is a JSON object, not a number; skipped",
                "runs[2].results: must be an array, not a string; no results read",
                "runs[3].results[1]: a result is a JSON object, not a string; read as an unknown finding",
                "runs[3].results[1]: result has no ruleId; read with rule 'unknown'",
                "runs[3].results[1]: result has no message text, which SARIF requires; the rule's description stands in",
            ],
            read.Errors.Select(error => error.ToString()));
        Assert.Equal([("unknown", "A"), ("good", "B"), ("good", "unknown")], read.Findings.Select(finding => (finding.Tool, finding.RuleId)));
    }

    public static TheoryData<string, string> BrokenLogs => new()
    {
        { "[]", "$: a SARIF log is a JSON object, not an array" },
        { """{ "version": "2.1.0" }""", "$.runs: missing; a SARIF log needs an array of runs" },
        { """{ "version": "2.1.0", "runs": {} }""", "$.runs: must be an array, not an object" },
        { "{ \"version\": \"2.1.0\", \"runs\": [ { \"a\": ", "$: not valid JSON (line 1, byte 40)" },
    };

    [Theory]
    [MemberData(nameof(BrokenLogs))]
    public void A_log_that_cannot_be_read_is_one_clear_error(string json, string error)
    {
        var read = SarifReader.Read(json);

        Assert.Empty(read.Findings);
        Assert.Equal(error, Assert.Single(read.Errors).ToString());
    }

    [Fact]
    public void Runs_null_means_the_tool_produced_nothing()
    {
        var read = SarifReader.Read("""{ "version": "2.1.0", "runs": null }""");

        Assert.False(read.HasErrors);
        Assert.Empty(read.Findings);
    }

    [Fact]
    public void Another_version_is_noted_and_read_anyway()
    {
        var read = SarifReader.Read("""{ "version": "2.0.0", "runs": [ { "tool": { "driver": { "name": "old" } }, "results": [ { "ruleId": "A", "message": { "text": "m" } } ] } ] }""");

        Assert.Equal("$.version: '2.0.0' is not 2.1.0; read as 2.1.0", Assert.Single(read.Errors).ToString());
        Assert.Single(read.Findings);
    }

    [Fact]
    public void Invalid_json_errors_do_not_quote_the_input()
    {
        var token = Secrets.FakeSecrets.GitHubToken();

        var read = SarifReader.Read("{ \"runs\": [ " + token + " ] }");

        Assert.DoesNotContain(token[..8], Assert.Single(read.Errors).ToString(), StringComparison.Ordinal);
    }
}
