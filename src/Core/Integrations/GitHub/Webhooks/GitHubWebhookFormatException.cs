namespace Serverless.Core.Integrations.GitHub;

public enum GitHubWebhookFormatError
{
    /// <summary>The body is not JSON (truncated, empty, or not JSON at all).</summary>
    MalformedJson,

    /// <summary>A field the event needs is absent or null.</summary>
    MissingField,

    /// <summary>A field is present with the wrong type or an unacceptable value.</summary>
    InvalidField,
}

/// <summary>A webhook body that cannot be read as the event it claims to be; an endpoint answers 400.</summary>
public sealed class GitHubWebhookFormatException : FormatException
{
    public GitHubWebhookFormatException(GitHubWebhookFormatError error, string? field, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Field = field;
    }

    public GitHubWebhookFormatError Error { get; }

    /// <summary>The payload path of the offending field, e.g. <c>repository.full_name</c>; null for malformed JSON.</summary>
    public string? Field { get; }
}
