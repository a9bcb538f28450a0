namespace Serverless.Core.Integrations.Slack;

/// <summary>What a pipeline notification says about a run; raw text, escaped by <see cref="PipelineSlackMessages"/>.</summary>
public sealed record PipelineNotification
{
    /// <summary><c>owner/name</c>.</summary>
    public required string Repository { get; init; }

    public required string Branch { get; init; }
    public required string CommitSha { get; init; }

    /// <summary>The full commit message; only its first line is shown.</summary>
    public required string CommitMessage { get; init; }

    public required string Author { get; init; }

    /// <summary>Null for runs that deploy nowhere (pull requests).</summary>
    public string? Environment { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The run's page on the dashboard; the message's button opens it.</summary>
    public required Uri RunUrl { get; init; }

    public string? RunId { get; init; }
}
