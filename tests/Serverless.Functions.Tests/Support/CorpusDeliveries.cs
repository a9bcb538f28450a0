using Serverless.Functions.Tests.Webhooks;

namespace Serverless.Functions.Tests.Support;

/// <summary>GitHub's published push and pull_request examples pointed at a commit of a test repository.</summary>
public static class CorpusDeliveries
{
    public const string NoCommit = "0000000000000000000000000000000000000000";

    public static byte[] Push(string branch, string sha, string repository = WebhookCorpus.Repository) =>
        WebhookCorpus.Derive("push/with-new-branch.payload.json", p =>
        {
            p["ref"] = $"refs/heads/{branch}";
            p["after"] = sha;
            p["head_commit"]!["id"] = sha;
            p["repository"]!["full_name"] = repository;
        });

    public static byte[] PullRequest(string action, string branch, string sha) =>
        WebhookCorpus.Derive($"pull_request/{action}.payload.json", p =>
        {
            p["pull_request"]!["head"]!["sha"] = sha;
            p["pull_request"]!["head"]!["ref"] = branch;
        });
}
