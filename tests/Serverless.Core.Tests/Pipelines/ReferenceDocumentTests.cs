using System.Text.RegularExpressions;
using Serverless.Core.Pipelines;

namespace Serverless.Core.Tests.Pipelines;

/// <summary>docs/pipeline-reference.md shows real files and the real messages for them; these keep it honest.</summary>
public sealed partial class ReferenceDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "pipeline-reference.md"));

    [Fact]
    public void The_complete_example_is_the_design_example_and_parses()
    {
        var example = Blocks(Section("## A complete example")).Single();

        Assert.Equal(("yaml", PipelineYaml.DesignExample + "\n"), example);
        Assert.True(PipelineParser.Parse(example.Text).Succeeded);
    }

    public static TheoryData<string, string> CommonErrors()
    {
        var blocks = Blocks(Section("## Common errors")).ToList();
        Assert.True(blocks.Count >= 2 && blocks.Count % 2 == 0, "Common errors should alternate yaml and text blocks");
        var data = new TheoryData<string, string>();
        for (var i = 0; i < blocks.Count; i += 2)
        {
            Assert.Equal(("yaml", "text"), (blocks[i].Language, blocks[i + 1].Language));
            data.Add(blocks[i].Text, blocks[i + 1].Text);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommonErrors))]
    public void Common_errors_show_what_the_parser_reports(string yaml, string reported)
    {
        Assert.Equal(reported.TrimEnd('\n').Split('\n'), PipelineYaml.Errors(yaml));
    }

    private static string Section(string heading)
    {
        var start = Document.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"missing section {heading}");
        var end = Document.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Document[start..] : Document[start..end];
    }

    private static IEnumerable<(string Language, string Text)> Blocks(string markdown) =>
        CodeBlock().Matches(markdown).Select(m => (m.Groups["language"].Value, m.Groups["text"].Value));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "docs", "pipeline-reference.md")))
                return directory.FullName;
        throw new InvalidOperationException("docs/pipeline-reference.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(?<language>\w+)\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
