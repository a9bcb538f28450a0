using System.Text.Json.Nodes;

namespace Serverless.Testing.GitHub;

public sealed partial class FakeGitHubApi
{
    public const int DescriptionMaxLength = 140;
    public static readonly IReadOnlyList<string> CommitStates = ["error", "failure", "pending", "success"];

    private (int, JsonNode) CreateCommitStatus((string Owner, string Repo) repo, string sha, string json)
    {
        if (!IsFullSha(sha))
            throw new GitHubReply(422, GitHubResponses.Message($"No commit found for SHA: {sha}", 422, GitHubResponses.CommitStatusDocs));

        var body = GitHubRequestBody.Parse(json, "Status");
        var state = body.Enum("state", CommitStates, required: true);
        var context = body.OptionalString("context") ?? "default";
        var description = body.LimitedString("description", DescriptionMaxLength);
        var targetUrl = body.OptionalString("target_url");
        body.ThrowIfInvalid(GitHubResponses.CommitStatusDocs);

        FakeCommitStatus status;
        lock (_gate)
        {
            status = new FakeCommitStatus(_nextStatusId++, repo.Owner, repo.Repo, sha, state!, context, description, targetUrl, Now());
            _statuses.Add(status);
        }
        return (201, new JsonObject
        {
            ["url"] = Url($"repos/{repo.Owner}/{repo.Repo}/statuses/{sha}"),
            ["avatar_url"] = "https://avatars.githubusercontent.com/u/41898282?v=4",
            ["id"] = status.Id,
            ["node_id"] = NodeId("SC", status.Id),
            ["state"] = status.State,
            ["description"] = status.Description,
            ["target_url"] = status.TargetUrl,
            ["context"] = status.Context,
            ["created_at"] = Timestamp(status.CreatedAt),
            ["updated_at"] = Timestamp(status.CreatedAt),
            ["creator"] = Creator(),
        });
    }

    private static bool IsFullSha(string value) =>
        value.Length == 40 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');

    private static string NodeId(string kind, long id) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"{kind}_{id}")).TrimEnd('=');
}
