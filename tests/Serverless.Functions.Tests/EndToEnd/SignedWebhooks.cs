using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serverless.Core.Integrations.GitHub;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>Sends webhooks the way GitHub does: raw JSON body, event and delivery headers, HMAC-SHA256 signature.</summary>
public static class SignedWebhooks
{
    public static HttpRequestMessage Create(string eventName, string body, string secret, string? deliveryId = null, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/github/webhook")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(GitHubWebhookHeaders.Event, eventName);
        request.Headers.Add(GitHubWebhookHeaders.Delivery, deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add(GitHubWebhookHeaders.Signature256, signature ?? GitHubWebhookSignature.Compute(secret, Encoding.UTF8.GetBytes(body)));
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/test");
        return request;
    }

    /// <summary>A push payload with the fields GitHub sends that the pipeline reads.</summary>
    public static string Push(string repository, string branch, string before, string after, string message, string author = "octocat") =>
        JsonSerializer.Serialize(new
        {
            @ref = $"refs/heads/{branch}",
            before,
            after,
            created = false,
            deleted = false,
            forced = false,
            base_ref = (string?)null,
            compare = $"https://github.com/{repository}/compare",
            commits = new[] { new { id = after, message, timestamp = "2026-11-22T04:00:00Z", url = $"https://github.com/{repository}/commit/{after}", author = new { name = "The Octocat", email = "octocat@example.com", username = author } } },
            head_commit = new { id = after, message, timestamp = "2026-11-22T04:00:00Z", url = $"https://github.com/{repository}/commit/{after}", author = new { name = "The Octocat", email = "octocat@example.com", username = author } },
            repository = new
            {
                id = 1,
                name = repository.Split('/')[1],
                full_name = repository,
                owner = new { login = repository.Split('/')[0], name = repository.Split('/')[0] },
                clone_url = "https://github.invalid/never-used.git",
                default_branch = "main",
            },
            pusher = new { name = author, email = "octocat@example.com" },
            sender = new { login = author, id = 1 },
        });
}
