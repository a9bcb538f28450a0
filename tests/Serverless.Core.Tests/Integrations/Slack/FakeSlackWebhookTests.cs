using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Testing.Slack;

namespace Serverless.Core.Tests.Integrations.Slack;

/// <summary>The fake refuses what Slack refuses, with Slack's plain-text error codes.</summary>
public sealed class FakeSlackWebhookTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeSlackWebhook _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackWebhook.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public void The_webhook_url_looks_like_slacks_and_is_on_loopback()
    {
        Assert.Equal("127.0.0.1", _slack.WebhookUrl.Host);
        Assert.Matches("^/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{24}$", _slack.WebhookUrl.AbsolutePath);
        Assert.StartsWith(_slack.BaseUrl.AbsoluteUri, _slack.WebhookUrl.AbsoluteUri);
    }

    [Fact]
    public async Task A_valid_message_is_answered_ok_in_plain_text()
    {
        using var response = await Post("""{"text":"hello","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}},{"type":"divider"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, Assert.Single(_slack.Messages).Blocks.Count);
    }

    [Theory]
    [InlineData("text/plain", """{"text":"hi"}""", "invalid_payload")]
    [InlineData("application/json", """{"text":""", "invalid_payload")]
    [InlineData("application/json", "[1]", "invalid_payload")]
    [InlineData("application/json", """{"text":5}""", "invalid_payload")]
    [InlineData("application/json", "{}", "no_text")]
    [InlineData("application/json", """{"text":"  "}""", "no_text")]
    [InlineData("application/json", """{"blocks":[]}""", "no_text")]
    [InlineData("application/json", """{"blocks":{"type":"divider"}}""", "invalid_blocks_format")]
    public async Task Unusable_payloads_are_400_with_slacks_error(string contentType, string body, string error)
    {
        using var response = await Post(body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await response.Content.ReadAsStringAsync());
        Assert.Empty(_slack.Messages);
    }

    public static TheoryData<string> InvalidBlocks() => new()
    {
        Blocks(Enumerable.Repeat("""{"type":"divider"}""", 51).ToArray()),
        Blocks("""{"type":"carousel"}"""),
        Blocks("""{"text":{"type":"plain_text","text":"no type"}}"""),
        Blocks($$$"""{"type":"header","text":{"type":"plain_text","text":"{{{new string('h', 151)}}}"}}"""),
        Blocks("""{"type":"header","text":{"type":"mrkdwn","text":"*bold*"}}"""),
        Blocks($$$"""{"type":"section","text":{"type":"mrkdwn","text":"{{{new string('s', 3001)}}}"}}"""),
        Blocks("""{"type":"section"}"""),
        Blocks("""{"type":"section","text":{"type":"markdown","text":"x"}}"""),
        Blocks("""{"type":"section","text":{"type":"mrkdwn","text":""}}"""),
        Blocks("""{"type":"section","text":{"type":"mrkdwn","text":"x","emoji":true}}"""),
        Blocks($$"""{"type":"section","fields":[{{string.Join(',', Enumerable.Repeat("""{"type":"mrkdwn","text":"f"}""", 11))}}]}"""),
        Blocks($$"""{"type":"section","fields":[{"type":"mrkdwn","text":"{{new string('f', 2001)}}"}]}"""),
        Blocks("""{"type":"context","elements":[]}"""),
        Blocks("""{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Go"},"style":"green"}]}"""),
        Blocks($$$"""{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"{{{new string('b', 76)}}}"}}]}"""),
        Blocks($$"""{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Go"},"url":"https://x/{{new string('u', 3000)}}"}]}"""),
        Blocks("""{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"A"},"action_id":"a"},{"type":"button","text":{"type":"plain_text","text":"B"},"action_id":"a"}]}"""),
        Blocks("""{"type":"divider","block_id":"x"}""", """{"type":"divider","block_id":"x"}"""),
        Blocks("""{"type":"image","image_url":"https://x/y.png"}"""),
    };

    [Theory]
    [MemberData(nameof(InvalidBlocks))]
    public async Task Blocks_that_break_block_kit_rules_are_invalid_blocks(string body)
    {
        using var response = await Post(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_blocks", await response.Content.ReadAsStringAsync());
        Assert.NotNull(Assert.Single(_slack.Requests).Rejection);
    }

    [Fact]
    public async Task Blocks_at_the_limits_are_accepted()
    {
        var body = Blocks(
            [
                $$$"""{"type":"header","text":{"type":"plain_text","text":"{{{new string('h', 150)}}}"}}""",
                $$$"""{"type":"section","text":{"type":"mrkdwn","text":"{{{new string('s', 3000)}}}"}}""",
                $$"""{"type":"section","fields":[{{string.Join(',', Enumerable.Repeat($$"""{"type":"plain_text","text":"{{new string('f', 2000)}}"}""", 10))}}]}""",
                """{"type":"context","elements":[{"type":"mrkdwn","text":"c"},{"type":"image","image_url":"https://x/i.png","alt_text":"i"}]}""",
                $$"""{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"{{new string('b', 75)}}"},"url":"https://x/","style":"danger"}]}""",
                .. Enumerable.Repeat("""{"type":"divider"}""", 45),
            ]);

        using var response = await Post(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(50, Assert.Single(_slack.Messages).Blocks.Count);
    }

    [Fact]
    public async Task An_unknown_webhook_path_is_no_service()
    {
        using var response = await _http.PostAsync(new Uri(_slack.BaseUrl, "services/T1/B1/guess"), new StringContent("""{"text":"x"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no_service", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Injected_failures_come_first()
    {
        _slack.FailNext(1, HttpStatusCode.InternalServerError, "rollup_error");

        using var first = await Post("""{"text":"x"}""");
        using var second = await Post("""{"text":"x"}""");

        Assert.Equal((HttpStatusCode.InternalServerError, "rollup_error"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_slack.Messages);
    }

    private Task<HttpResponseMessage> Post(string body, string contentType = "application/json") =>
        _http.PostAsync(_slack.WebhookUrl, new StringContent(body, Encoding.UTF8, contentType));

    private static string Blocks(params string[] blocks) => JsonSerializer.Serialize(new { text = "fallback" }).TrimEnd('}') + $",\"blocks\":[{string.Join(',', blocks)}]}}";
}
