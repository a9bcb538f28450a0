namespace Serverless.Core.Integrations.GitHub;

/// <summary>A commit as a push payload describes it (<c>head_commit</c>).</summary>
/// <param name="AuthorUsername">The author's GitHub login; absent when the commit e-mail matches no account.</param>
public sealed record GitHubCommit(
    string Id,
    string Message,
    DateTimeOffset Timestamp,
    string Url,
    string AuthorName,
    string? AuthorUsername);
