using System.Net;
using Serverless.Core.Integrations.Slack;
using Serverless.Core.Tests.Integrations.GitHub.Support;
using Serverless.Testing.Slack;

namespace Serverless.Core.Tests.Integrations.Slack;

public sealed class SlackWebhookClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly RecordingLogger<SlackWebhookClient> _logger = new();
    private FakeSlackWebhook _slack = null!;

    private static readonly PipelineNotification Run = new()
    {
        Repository = "octo-org/octo-repo",
        Branch = "main",
        CommitSha = "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
        CommitMessage = "Ship it <!channel> & go",
        Author = "Mona",
        Environment = "staging",
        Duration = TimeSpan.FromMinutes(4),
        RunUrl = new Uri("https://pipelines.example.com/runs/7"),
    };

    public async Task InitializeAsync() => _slack = await FakeSlackWebhook.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private SlackWebhookClient Client => new(_http, _logger);

    [Fact]
    public async Task Pipeline_messages_are_accepted_by_slacks_checks()
    {
        await Client.PostAsync(_slack.WebhookUrl, PipelineSlackMessages.Succeeded(Run));
        await Client.PostAsync(_slack.WebhookUrl, PipelineSlackMessages.Failed(Run, new string('x', 10_000)));

        Assert.Equal(2, _slack.Messages.Count);
        Assert.All(_slack.Requests, r => Assert.Equal((200, "ok", "POST"), (r.StatusCode, r.ResponseBody, r.Method)));
        Assert.All(_slack.Requests, r => Assert.StartsWith("application/json", r.ContentType));
        Assert.Contains("&lt;!channel&gt; &amp; go", _slack.Messages[0].Text);
        Assert.Equal(4, _slack.Messages[1].Blocks.Count);
    }

    [Fact]
    public async Task A_text_only_message_is_enough()
    {
        await Client.PostAsync(_slack.WebhookUrl, new SlackMessage("Deploy finished", []));

        Assert.Equal("Deploy finished", Assert.Single(_slack.Messages).Text);
    }

    [Theory]
    [InlineData(HttpStatusCode.Gone, "channel_is_archived")]
    [InlineData(HttpStatusCode.Forbidden, "action_prohibited")]
    [InlineData(HttpStatusCode.InternalServerError, "rollup_error")]
    public async Task A_refusal_is_a_typed_exception_with_slacks_error(HttpStatusCode status, string slackError)
    {
        _slack.FailNext(1, status, slackError);

        var error = await Assert.ThrowsAsync<SlackWebhookException>(() => Client.PostAsync(_slack.WebhookUrl, PipelineSlackMessages.Succeeded(Run)));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(slackError, error.Error);
        Assert.Equal("127.0.0.1", error.Host);
        Assert.Empty(_slack.Messages);
    }

    [Fact]
    public async Task Rate_limiting_reports_how_long_to_wait()
    {
        _slack.FailNext(1, HttpStatusCode.TooManyRequests, "rate_limited", TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<SlackWebhookException>(() => Client.PostAsync(_slack.WebhookUrl, new SlackMessage("hi", [])));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task An_empty_message_is_refused_by_slack_with_no_text()
    {
        var error = await Assert.ThrowsAsync<SlackWebhookException>(() => Client.PostAsync(_slack.WebhookUrl, new SlackMessage("", [])));

        Assert.Equal((HttpStatusCode.BadRequest, "no_text"), (error.StatusCode, error.Error));
    }

    [Fact]
    public async Task Blocks_over_the_limits_are_refused_by_slack()
    {
        var tooLong = new SlackMessage("x", [new SlackHeaderBlock(new SlackPlainText(new string('h', 151)))]);

        var error = await Assert.ThrowsAsync<SlackWebhookException>(() => Client.PostAsync(_slack.WebhookUrl, tooLong));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_blocks"), (error.StatusCode, error.Error));
    }

    [Fact]
    public async Task The_webhook_url_never_reaches_messages_or_logs()
    {
        var secretPath = _slack.WebhookUrl.AbsolutePath;
        var secret = secretPath[(secretPath.LastIndexOf('/') + 1)..];
        await Client.PostAsync(_slack.WebhookUrl, new SlackMessage("hello", []));
        var wrongUrl = new Uri(_slack.WebhookUrl.AbsoluteUri + "x");

        var error = await Assert.ThrowsAsync<SlackWebhookException>(() => Client.PostAsync(wrongUrl, new SlackMessage("hello", [])));

        Assert.Equal((HttpStatusCode.NotFound, "no_service"), (error.StatusCode, error.Error));
        Assert.Contains("127.0.0.1", error.Message);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.NotEmpty(_logger.Lines);
        Assert.Contains("127.0.0.1", _logger.AllText);
        Assert.DoesNotContain(secret, _logger.AllText);
        Assert.DoesNotContain("/services/", _logger.AllText);
    }

    [Fact]
    public async Task Only_absolute_http_urls_are_accepted()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.PostAsync(new Uri("file:///etc/passwd"), new SlackMessage("x", [])));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.PostAsync(new Uri("/services/x", UriKind.Relative), new SlackMessage("x", [])));
        Assert.Empty(_slack.Requests);
    }
}
