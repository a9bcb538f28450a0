namespace Serverless.Core.Integrations.GitHub;

/// <summary>The <c>repository</c> object of a webhook payload.</summary>
/// <param name="CloneUrl">
/// As the payload states it. Anyone who knows the webhook secret controls it, so checkouts take the clone URL from
/// configuration for an allowlisted <paramref name="FullName"/>, never from here.
/// </param>
public sealed record GitHubRepository(string FullName, string Owner, string Name, string CloneUrl, string DefaultBranch);
