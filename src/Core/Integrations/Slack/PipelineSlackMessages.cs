namespace Serverless.Core.Integrations.Slack;

/// <summary>
/// The Slack messages for a finished pipeline run: a header, the run's facts as fields, the failure reason, a button
/// to the run, and a fallback <c>text</c>. User text is escaped and every part fits Block Kit's limits.
/// </summary>
public static class PipelineSlackMessages
{
    public const int ShortShaLength = 7;
    private const string CodeFence = "```";
    private const string ReasonTitle = "*Reason*\n";

    public static SlackMessage Succeeded(PipelineNotification run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var destination = run.Environment is { } environment ? $" to {environment}" : "";
        var text = $"Pipeline succeeded: {Summary(run)}{destination} in {DurationText.Humanize(run.Duration)}.";
        return Build(run, ":white_check_mark: Pipeline succeeded", text, reason: null, SlackButton.Primary);
    }

    public static SlackMessage Failed(PipelineNotification run, string reason)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var text = $"Pipeline failed: {Summary(run)} after {DurationText.Humanize(run.Duration)}: {SlackText.FirstLine(reason)}";
        return Build(run, ":x: Pipeline failed", text, reason, SlackButton.Danger);
    }

    private static string Summary(PipelineNotification run) =>
        $"{run.Repository} {run.Branch} @ {ShortSha(run.CommitSha)} ({SlackText.FirstLine(run.CommitMessage)}) by {run.Author}";

    private static SlackMessage Build(PipelineNotification run, string title, string fallback, string? reason, string buttonStyle)
    {
        if (!run.RunUrl.IsAbsoluteUri || run.RunUrl.AbsoluteUri.Length > SlackLimits.ButtonUrl)
            throw new ArgumentException($"The run URL must be absolute and at most {SlackLimits.ButtonUrl} characters.", nameof(run));
        var runUrl = run.RunUrl.AbsoluteUri;

        var blocks = new List<SlackBlock>
        {
            new SlackHeaderBlock(new SlackPlainText(SlackText.FitPlain($"{title}: {run.Repository}", SlackLimits.HeaderText))),
            new SlackSectionBlock(null, Fields(run)),
        };
        if (reason is not null) blocks.Add(new SlackSectionBlock(new SlackMarkdownText(ReasonText(reason))));
        blocks.Add(new SlackActionsBlock([new SlackButton(new SlackPlainText("View run"), runUrl, buttonStyle, "view_run")]));
        if (run.RunId is { Length: > 0 } runId)
            blocks.Add(new SlackContextBlock([new SlackMarkdownText(Field("Run", $"`{SlackText.Escape(runId)}`", separator: " "))]));

        var link = " " + SlackText.Escape(runUrl);
        return new SlackMessage(SlackText.EscapeAndFit(fallback, Math.Max(SlackLimits.SectionText - link.Length, 1)) + link, blocks);
    }

    private static List<SlackTextObject> Fields(PipelineNotification run)
    {
        var fields = new List<SlackTextObject>
        {
            FieldText("Repository", run.Repository),
            FieldText("Branch", run.Branch),
            new SlackMarkdownText(Fit("Commit", $"`{SlackText.Escape(ShortSha(run.CommitSha))}` ", SlackText.FirstLine(run.CommitMessage))),
            FieldText("Author", run.Author),
        };
        if (run.Environment is { } environment) fields.Add(FieldText("Environment", environment));
        fields.Add(FieldText("Duration", DurationText.Humanize(run.Duration)));
        return fields;
    }

    private static SlackMarkdownText FieldText(string title, string value) => new(Fit(title, "", value));

    /// <summary>A <c>*Title*</c> line then <paramref name="prefix"/> (already escaped) and the escaped value, within a field's limit.</summary>
    private static string Fit(string title, string prefix, string value)
    {
        var head = Field(title, prefix, separator: "\n");
        return head + SlackText.EscapeAndFit(value, SlackLimits.SectionFieldText - head.Length);
    }

    private static string Field(string title, string value, string separator) => $"*{title}*{separator}{value}";

    private static string ReasonText(string reason)
    {
        var overhead = ReasonTitle.Length + CodeFence.Length * 2;
        return $"{ReasonTitle}{CodeFence}{SlackText.EscapeAndFit(reason.Trim(), SlackLimits.SectionText - overhead)}{CodeFence}";
    }

    private static string ShortSha(string sha) => sha.Length > ShortShaLength ? sha[..ShortShaLength] : sha;
}
