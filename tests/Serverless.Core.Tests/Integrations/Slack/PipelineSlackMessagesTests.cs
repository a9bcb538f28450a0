using System.Text.Json;
using Serverless.Core.Integrations.Slack;

namespace Serverless.Core.Tests.Integrations.Slack;

public sealed class PipelineSlackMessagesTests
{
    private static readonly PipelineNotification Run = new()
    {
        Repository = "octo-org/octo-repo",
        Branch = "main",
        CommitSha = "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        CommitMessage = "Add canary analysis\n\nLonger description that Slack should not show.",
        Author = "Mona Lisa",
        Environment = "production",
        Duration = TimeSpan.FromSeconds(192),
        RunUrl = new Uri("https://pipelines.example.com/runs/run-42?tab=log&step=3"),
        RunId = "run-42",
    };

    [Fact]
    public void A_success_message_shows_the_runs_facts_and_a_button_to_the_run()
    {
        var json = Serialize(PipelineSlackMessages.Succeeded(Run));
        var blocks = json.GetProperty("blocks");

        Assert.Equal(["header", "section", "actions", "context"], blocks.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(":white_check_mark: Pipeline succeeded: octo-org/octo-repo", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(
            ["*Repository*\nocto-org/octo-repo", "*Branch*\nmain", "*Commit*\n`6113728` Add canary analysis", "*Author*\nMona Lisa",
             "*Environment*\nproduction", "*Duration*\n3m 12s"],
            Fields(blocks[1]));
        var button = blocks[2].GetProperty("elements")[0];
        Assert.Equal("button", button.GetProperty("type").GetString());
        Assert.Equal("View run", button.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("https://pipelines.example.com/runs/run-42?tab=log&step=3", button.GetProperty("url").GetString());
        Assert.Equal("primary", button.GetProperty("style").GetString());
        Assert.Equal("*Run* `run-42`", blocks[3].GetProperty("elements")[0].GetProperty("text").GetString());
        Assert.Equal(
            "Pipeline succeeded: octo-org/octo-repo main @ 6113728 (Add canary analysis) by Mona Lisa to production in 3m 12s. " +
            "https://pipelines.example.com/runs/run-42?tab=log&amp;step=3",
            json.GetProperty("text").GetString());
    }

    [Fact]
    public void A_failure_message_adds_the_reason_and_a_danger_button()
    {
        var json = Serialize(PipelineSlackMessages.Failed(Run, "Smoke test failed: GET /health answered 503\nafter 3 attempts"));
        var blocks = json.GetProperty("blocks");

        Assert.Equal(["header", "section", "section", "actions", "context"], blocks.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(":x: Pipeline failed: octo-org/octo-repo", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("*Reason*\n```Smoke test failed: GET /health answered 503\nafter 3 attempts```", blocks[2].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("mrkdwn", blocks[2].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("danger", blocks[3].GetProperty("elements")[0].GetProperty("style").GetString());
        Assert.StartsWith("Pipeline failed: octo-org/octo-repo main @ 6113728 (Add canary analysis) by Mona Lisa after 3m 12s: Smoke test failed: GET /health answered 503 https://", json.GetProperty("text").GetString());
    }

    [Fact]
    public void User_text_is_escaped_so_it_cannot_mention_or_link()
    {
        var run = Run with
        {
            CommitMessage = "<!channel> see <https://evil.example|docs> & more",
            Author = "Eve <eve@example.com>",
            Branch = "feature/<b>",
        };

        var message = PipelineSlackMessages.Failed(run, "exit code 1 > 0 & <!here>");
        var raw = JsonSerializer.Serialize(message);
        var json = Serialize(message);

        Assert.Contains("*Commit*\n`6113728` &lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; more", Fields(json.GetProperty("blocks")[1]));
        Assert.Contains("*Author*\nEve &lt;eve@example.com&gt;", Fields(json.GetProperty("blocks")[1]));
        Assert.Contains("exit code 1 &gt; 0 &amp; &lt;!here&gt;", json.GetProperty("blocks")[2].GetProperty("text").GetProperty("text").GetString());
        var text = json.GetProperty("text").GetString()!;
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain(">", text);
        Assert.DoesNotContain("<!", raw.Replace("\\u003C", "<", StringComparison.Ordinal));
    }

    [Fact]
    public void Huge_inputs_stay_within_block_kit_limits()
    {
        var run = Run with
        {
            Repository = "org/" + new string('r', 300),
            CommitMessage = new string('m', 5000),
            Author = new string('<', 3000),
        };

        var json = Serialize(PipelineSlackMessages.Failed(run, new string('&', 20_000)));
        var blocks = json.GetProperty("blocks");

        Assert.True(blocks.GetArrayLength() <= SlackLimits.BlocksPerMessage);
        Assert.InRange(blocks[0].GetProperty("text").GetProperty("text").GetString()!.Length, 1, SlackLimits.HeaderText);
        Assert.All(Fields(blocks[1]), f => Assert.InRange(f.Length, 1, SlackLimits.SectionFieldText));
        var reason = blocks[2].GetProperty("text").GetProperty("text").GetString()!;
        Assert.InRange(reason.Length, 1, SlackLimits.SectionText);
        Assert.EndsWith("…```", reason);
        Assert.InRange(json.GetProperty("text").GetString()!.Length, 1, SlackLimits.SectionText);
    }

    [Fact]
    public void A_run_without_an_environment_or_id_leaves_those_out()
    {
        var json = Serialize(PipelineSlackMessages.Succeeded(Run with { Environment = null, RunId = null }));
        var blocks = json.GetProperty("blocks");

        Assert.DoesNotContain(Fields(blocks[1]), f => f.StartsWith("*Environment*", StringComparison.Ordinal));
        Assert.Equal(["header", "section", "actions"], blocks.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.DoesNotContain(" to ", json.GetProperty("text").GetString());
    }

    [Fact]
    public void A_failure_needs_a_reason()
    {
        Assert.Throws<ArgumentException>(() => PipelineSlackMessages.Failed(Run, " "));
    }

    [Fact]
    public void A_relative_run_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PipelineSlackMessages.Succeeded(Run with { RunUrl = new Uri("/runs/1", UriKind.Relative) }));
    }

    private static JsonElement Serialize(SlackMessage message)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(message));
        return document.RootElement.Clone();
    }

    private static List<string> Fields(JsonElement section) =>
        section.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()!).ToList();
}
