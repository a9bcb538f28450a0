using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Serverless.Testing.GitHub;

public sealed partial class FakeGitHubApi
{
    public static readonly IReadOnlyList<string> DeploymentStates = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];

    private (int, JsonNode) CreateDeployment((string Owner, string Repo) repo, string json)
    {
        var body = GitHubRequestBody.Parse(json, "Deployment");
        var @ref = body.RequiredString("ref");
        var task = body.OptionalString("task") ?? "deploy";
        var environment = body.OptionalString("environment") ?? "production";
        var description = body.OptionalString("description");
        var payload = body.ObjectOrString("payload");
        var autoMerge = body.Boolean("auto_merge", defaultValue: true);
        var requiredContexts = body.StringArray("required_contexts");
        var transient = body.Boolean("transient_environment", defaultValue: false);
        var production = body.Boolean("production_environment", defaultValue: environment == "production");
        body.ThrowIfInvalid(GitHubResponses.DeploymentDocs);
        if (@ref!.Length == 0) throw new GitHubReply(422, GitHubResponses.Message($"No ref found for: {@ref}", 422, GitHubResponses.DeploymentDocs));

        var sha = IsFullSha(@ref) ? @ref.ToLowerInvariant() : Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{repo.Owner}/{repo.Repo}:{@ref}")));
        FakeDeployment deployment;
        lock (_gate)
        {
            CheckRequiredContexts(repo, @ref, sha, requiredContexts);
            deployment = new FakeDeployment(_nextDeploymentId++, repo.Owner, repo.Repo, @ref, sha, task, environment, description,
                payload, autoMerge, requiredContexts, transient, production, Now());
            _deployments.Add(deployment);
        }
        var url = Url($"repos/{repo.Owner}/{repo.Repo}/deployments/{deployment.Id.ToString(CultureInfo.InvariantCulture)}");
        return (201, new JsonObject
        {
            ["url"] = url,
            ["id"] = deployment.Id,
            ["node_id"] = NodeId("DE", deployment.Id),
            ["sha"] = deployment.Sha,
            ["ref"] = deployment.Ref,
            ["task"] = deployment.Task,
            ["payload"] = payload is { } p ? JsonNode.Parse(p.GetRawText()) : new JsonObject(),
            ["original_environment"] = deployment.Environment,
            ["environment"] = deployment.Environment,
            ["description"] = deployment.Description,
            ["creator"] = Creator(),
            ["created_at"] = Timestamp(deployment.CreatedAt),
            ["updated_at"] = Timestamp(deployment.CreatedAt),
            ["statuses_url"] = url + "/statuses",
            ["repository_url"] = Url($"repos/{repo.Owner}/{repo.Repo}"),
            ["transient_environment"] = deployment.TransientEnvironment,
            ["production_environment"] = deployment.ProductionEnvironment,
        });
    }

    /// <summary>
    /// As GitHub does: with <c>required_contexts</c> omitted every context on the commit must be success; listed contexts
    /// must each be success; an empty list skips the check.
    /// </summary>
    private void CheckRequiredContexts((string Owner, string Repo) repo, string @ref, string sha, IReadOnlyList<string>? requiredContexts)
    {
        var latest = _statuses
            .Where(s => s.Owner == repo.Owner && s.Repo == repo.Repo && string.Equals(s.Sha, sha, StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.Context, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().State, StringComparer.OrdinalIgnoreCase);
        var contexts = requiredContexts ?? latest.Keys.ToList();
        var failing = contexts.Where(c => !latest.TryGetValue(c, out var state) || state != "success").ToList();
        if (failing.Count == 0) return;

        var body = GitHubResponses.Message($"Conflict: Commit status checks failed for {@ref}.", 409, GitHubResponses.DeploymentDocs);
        body["errors"] = new JsonArray(new JsonObject
        {
            ["contexts"] = new JsonArray(failing.Select(c => (JsonNode)new JsonObject
            {
                ["context"] = c,
                ["state"] = latest.TryGetValue(c, out var state) ? state : "missing",
            }).ToArray()),
            ["resource"] = "Deployment",
            ["field"] = "required_contexts",
            ["code"] = "invalid",
        });
        throw new GitHubReply(409, body);
    }

    private (int, JsonNode) CreateDeploymentStatus((string Owner, string Repo) repo, string deploymentIdText, string json)
    {
        FakeDeployment? deployment;
        lock (_gate)
        {
            deployment = long.TryParse(deploymentIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? _deployments.FirstOrDefault(d => d.Id == id && d.Owner == repo.Owner && d.Repo == repo.Repo)
                : null;
        }
        if (deployment is null) throw NotFound();

        var body = GitHubRequestBody.Parse(json, "DeploymentStatus");
        var state = body.Enum("state", DeploymentStates, required: true);
        var description = body.LimitedString("description", DescriptionMaxLength);
        var environment = body.OptionalString("environment") ?? deployment.Environment;
        var environmentUrl = body.OptionalString("environment_url");
        var logUrl = body.OptionalString("log_url");
        var targetUrl = logUrl ?? body.OptionalString("target_url");
        var autoInactive = body.Boolean("auto_inactive", defaultValue: true);
        body.ThrowIfInvalid(GitHubResponses.DeploymentStatusDocs);

        FakeDeploymentStatus status;
        lock (_gate)
        {
            status = new FakeDeploymentStatus(_nextDeploymentStatusId++, deployment.Id, repo.Owner, repo.Repo, state!, description,
                environment, environmentUrl, logUrl, targetUrl, autoInactive, Now());
            _deploymentStatuses.Add(status);
        }
        var deploymentUrl = Url($"repos/{repo.Owner}/{repo.Repo}/deployments/{deployment.Id.ToString(CultureInfo.InvariantCulture)}");
        return (201, new JsonObject
        {
            ["url"] = $"{deploymentUrl}/statuses/{status.Id.ToString(CultureInfo.InvariantCulture)}",
            ["id"] = status.Id,
            ["node_id"] = NodeId("DES", status.Id),
            ["state"] = status.State,
            ["creator"] = Creator(),
            ["description"] = status.Description ?? "",
            ["environment"] = status.Environment,
            ["target_url"] = status.TargetUrl ?? "",
            ["log_url"] = status.LogUrl ?? "",
            ["environment_url"] = status.EnvironmentUrl ?? "",
            ["created_at"] = Timestamp(status.CreatedAt),
            ["updated_at"] = Timestamp(status.CreatedAt),
            ["deployment_url"] = deploymentUrl,
            ["repository_url"] = Url($"repos/{repo.Owner}/{repo.Repo}"),
        });
    }
}
