using Serverless.Core.Pipelines;

namespace Serverless.Core.Tests.Pipelines;

/// <summary>Files that are not YAML, not one document, or built to hurt the parser.</summary>
public sealed class YamlInputTests
{
    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "", "pipeline.yml:1:1: the file is empty; it needs at least 'name' and 'services'" },
        { "# nothing yet\n", "pipeline.yml:1:1: the file is empty; it needs at least 'name' and 'services'" },
        { "- name: api\n", "pipeline.yml:1:1: must be a mapping with name, services, checks, scans, environments and notifications, not a list" },
        { "name: a\n---\nname: b\n", "pipeline.yml:3:1: only one YAML document is allowed; remove the '---' separator" },
        { "name: a\nservices:\n  - name: api\n    run: ./api\n    run: ./other\n", "pipeline.yml:5:5: 'run' appears twice in the same mapping" },
        { "name: a\nservices:\n\t- name: api\n", "pipeline.yml:3:1: invalid YAML: a tab indents this line; indent with spaces" },
        { "name: a\nnotifications:\n  slack: %SLACK_WEBHOOK_URL%\n", "pipeline.yml:3:10: invalid YAML: a value cannot start with '%' unless it is quoted: write \"%SLACK_WEBHOOK_URL%\"" },
        { "name: a\nservices:\n  - name: api\n    run: echo a: b\n", "pipeline.yml:4:16: invalid YAML: while scanning a plain scalar value, found invalid mapping; check the indentation, and quote values that contain ': '" },
        { "name: a\nservices:\n  - name: api\n    run: \"./api\n", "pipeline.yml:4:10: invalid YAML: this quoted value is never closed" },
        { "name: a\nservices:\n  - name: api\n    run: [1, 2\nfoo: 3\n", "pipeline.yml:4:11: invalid YAML after this point: look for an unclosed '[', '{' or quote" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Reports_why_the_file_cannot_be_read(string yaml, string expected)
    {
        Assert.Equal([expected], PipelineYaml.Errors(yaml));
    }

    [Fact]
    public void Refuses_files_over_256_KiB_before_parsing_them()
    {
        var yaml = "name: shop\n" + new string('#', PipelineParser.MaxFileBytes) + "\n";

        Assert.Equal(["pipeline.yml:1:1: the file is 262,156 bytes; the limit is 256 KiB (262,144 bytes)"], PipelineYaml.Errors(yaml));
    }

    [Fact]
    public void Measures_the_limit_in_utf8_bytes()
    {
        var padding = "# " + new string('é', (PipelineParser.MaxFileBytes / 2) + 10) + "\n";

        Assert.Equal(["pipeline.yml:1:1: the file is 262,178 bytes; the limit is 256 KiB (262,144 bytes)"], PipelineYaml.Errors(padding + "name: shop\n"));
        Assert.True(PipelineParser.Parse("# " + new string('é', 1000) + "\nname: shop\nservices:\n  - name: api\n").Succeeded);
    }

    [Fact]
    public void Refuses_deep_nesting_instead_of_overflowing_the_stack()
    {
        var yaml = "name: " + new string('[', 100_000) + "\n";

        Assert.Equal(["pipeline.yml:1:38: invalid YAML: nesting is deeper than 32 levels"], PipelineYaml.Errors(yaml));
    }

    [Fact]
    public void Refuses_aliases_that_expand_into_a_huge_document()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n"));

        Assert.Equal(["pipeline.yml:1:1: the document expands to more than 20000 nodes or nests too deeply once aliases are followed"], PipelineYaml.Errors(yaml));
    }

    [Fact]
    public void Refuses_an_alias_that_contains_itself()
    {
        Assert.Equal(
            ["pipeline.yml:1:1: the document expands to more than 20000 nodes or nests too deeply once aliases are followed"],
            PipelineYaml.Errors("name: &a [*a]\n"));
    }

    [Fact]
    public void Follows_ordinary_aliases()
    {
        var pipeline = PipelineYaml.Valid("""
            name: shop
            services:
              - name: api
                run: ./api
            checks:
              unit: &tests dotnet test
            environments:
              staging: { branch: staging, tests: [*tests] }
            """);

        Assert.Equal("dotnet test", pipeline.Environments[0].Tests[0].Command);
    }

    [Fact]
    public void An_error_without_a_field_prints_without_a_path()
    {
        Assert.Equal("pipeline.yml:3:1: something", new PipelineError(3, 1, "", "something").ToString());
        Assert.Equal("pipeline.yml:12:5: environments.production.canary.steps[1]: must be greater than 10",
            new PipelineError(12, 5, "environments.production.canary.steps[1]", "must be greater than 10").ToString());
    }
}
