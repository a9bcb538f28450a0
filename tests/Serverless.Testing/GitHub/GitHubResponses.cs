using System.Text.Json.Nodes;

namespace Serverless.Testing.GitHub;

/// <summary>Error bodies shaped as GitHub's REST API writes them.</summary>
internal static class GitHubResponses
{
    public const string DocsRoot = "https://docs.github.com/rest";
    public const string CommitStatusDocs = "https://docs.github.com/rest/commits/statuses#create-a-commit-status";
    public const string DeploymentDocs = "https://docs.github.com/rest/deployments/deployments#create-a-deployment";
    public const string DeploymentStatusDocs = "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status";

    public const string MissingUserAgent =
        "Request forbidden by administrative rules. Please make sure your request has a User-Agent header " +
        "(https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). " +
        "Check https://developer.github.com for other possible causes.";

    public static JsonObject Message(string message, int status, string documentationUrl = DocsRoot) => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentationUrl,
        ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static JsonObject ValidationFailed(string documentationUrl, params ValidationError[] errors)
    {
        var body = Message("Validation Failed", 422, documentationUrl);
        body["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
        {
            ["resource"] = e.Resource,
            ["code"] = e.Code,
            ["field"] = e.Field,
            ["message"] = e.Message,
        }).ToArray());
        return body;
    }
}

internal sealed record ValidationError(string Resource, string Field, string Code, string? Message = null);

/// <summary>An answer decided before the handler stores anything.</summary>
internal sealed class GitHubReply(int status, JsonNode body) : Exception
{
    public int Status { get; } = status;
    public JsonNode Body { get; } = body;
}
