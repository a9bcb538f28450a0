using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serverless.Core.Integrations.GitHub;
using Serverless.Functions.Pipelines;
using Serverless.Functions.Runs;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Storage;

namespace Serverless.Functions.Webhooks;

/// <summary>
/// GitHub's webhook: authenticated by the X-Hub-Signature-256 HMAC of the raw body, it starts a pipeline run for a
/// push to a branch, a validation run for a pull request, and answers everything else without starting anything.
/// </summary>
public sealed class GitHubWebhookFunction(
    WebhookSettings webhook,
    RepositorySettings repositories,
    PipelineSettings pipelines,
    TimeProvider timeProvider,
    ILogger<GitHubWebhookFunction> logger)
{
    private static readonly HashSet<string> ValidatedPullRequestActions = ["opened", "synchronize", "reopened"];

    [Function("GitHubWebhook")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "github/webhook")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (webhook.Secret is null)
            return Problem(StatusCodes.Status503ServiceUnavailable, "Webhook not configured", $"Set {WebhookSettings.SecretSetting} to the secret configured on the GitHub webhook.");
        var body = await WebhookBody.ReadAsync(request, webhook.MaxBodyBytes, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body is over {webhook.MaxBodyBytes:N0} bytes.");
        if (!GitHubWebhookSignature.IsValid(webhook.Secret, body, request.Headers[GitHubWebhookHeaders.Signature256]))
            return Problem(StatusCodes.Status401Unauthorized, "Invalid signature", $"{GitHubWebhookHeaders.Signature256} is missing or does not match the body.", GitHubWebhookHeaders.Signature256);
        // GitHub's form content type (its default) wraps the JSON in payload=...; say what to change instead of "not valid JSON".
        if (request.ContentType is { } contentType && !IsJson(contentType))
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", $"The body is '{contentType}'; set the GitHub webhook's content type to application/json.", "Content-Type");
        var eventName = request.Headers[GitHubWebhookHeaders.Event].ToString();
        var deliveryId = request.Headers[GitHubWebhookHeaders.Delivery].ToString();
        if (eventName.Length == 0) return Problem(StatusCodes.Status400BadRequest, "Missing event", $"{GitHubWebhookHeaders.Event} is required.", GitHubWebhookHeaders.Event);
        if (!IsValidDeliveryId(deliveryId)) return Problem(StatusCodes.Status400BadRequest, "Invalid delivery id", $"{GitHubWebhookHeaders.Delivery} must be GitHub's delivery GUID.", GitHubWebhookHeaders.Delivery);

        GitHubWebhookEvent parsed;
        try
        {
            parsed = GitHubWebhookParser.Parse(eventName, body);
        }
        catch (GitHubWebhookFormatException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed payload", ex.Message, ex.Field);
        }

        return parsed switch
        {
            PingEvent ping => Results.Ok(new { action = "pong", zen = ping.Zen, hookId = ping.HookId }),
            PushEvent push => await OnPushAsync(push, deliveryId, client, cancellationToken),
            PullRequestEvent pullRequest => await OnPullRequestAsync(pullRequest, deliveryId, client, cancellationToken),
            _ => Results.Accepted(value: new { action = "ignored", reason = $"'{eventName}' events do not start pipelines" }),
        };
    }

    private async Task<IResult> OnPushAsync(PushEvent push, string deliveryId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (push.Deleted)
            return Results.Accepted(value: new { action = "none", reason = $"{(push.IsTag ? "tag" : "branch")} '{push.TagName ?? push.BranchName ?? push.Ref}' was deleted; nothing to build" });
        if (push.IsTag)
            return Results.Accepted(value: new { action = "none", reason = $"tag '{push.TagName}' was pushed; tags are not built" });
        if (push.BranchName is not { } branch)
            return Results.Accepted(value: new { action = "ignored", reason = $"'{push.Ref}' is not a branch" });
        if (repositories.CloneUrlFor(push.Repository.FullName) is null)
            return NotConfigured(push.Repository.FullName);
        return await StartAsync(client, new PipelineRun
        {
            RunId = RunViews.InstanceIdFor(deliveryId),
            Trigger = RunTrigger.Push,
            Repository = push.Repository.FullName,
            Branch = branch,
            CommitSha = push.After,
            CommitMessage = push.HeadCommit?.Message,
            Author = push.HeadCommit?.AuthorUsername ?? push.HeadCommit?.AuthorName,
            Pusher = push.SenderLogin,
            DeliveryId = deliveryId,
            ReceivedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
    }

    private async Task<IResult> OnPullRequestAsync(PullRequestEvent pullRequest, string deliveryId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!ValidatedPullRequestActions.Contains(pullRequest.Action))
            return Results.Accepted(value: new { action = "ignored", reason = $"pull request '{pullRequest.Action}' does not need a validation run" });
        // A validation run executes the head commit's own commands on this host, so only branches of the repository itself qualify.
        if (pullRequest.IsFromFork)
        {
            var fork = pullRequest.HeadRepositoryFullName is { } name ? $"the fork '{name}'" : "a deleted fork";
            return Results.Accepted(value: new { action = "ignored", reason = $"pull request #{pullRequest.Number} comes from {fork}; code from forks is not run here" });
        }
        if (repositories.CloneUrlFor(pullRequest.Repository.FullName) is null)
            return NotConfigured(pullRequest.Repository.FullName);
        return await StartAsync(client, new PipelineRun
        {
            RunId = RunViews.InstanceIdFor(deliveryId),
            Trigger = RunTrigger.PullRequest,
            Repository = pullRequest.Repository.FullName,
            Branch = pullRequest.HeadRef,
            CommitSha = pullRequest.HeadSha,
            CommitMessage = pullRequest.Title,
            Author = pullRequest.SenderLogin,
            Pusher = pullRequest.SenderLogin,
            PullRequestNumber = pullRequest.Number,
            DeliveryId = deliveryId,
            ReceivedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
    }

    private async Task<IResult> StartAsync(DurableTaskClient client, PipelineRun run, CancellationToken cancellationToken)
    {
        var links = new { run = pipelines.RunUrl(run.RunId).ToString(), page = pipelines.RunPageUrl(run.RunId).ToString() };
        if (await client.GetInstanceAsync(run.RunId, cancellationToken: cancellationToken) is { } existing)
            return Results.Ok(new { action = "redelivery", runId = run.RunId, status = existing.RuntimeStatus.ToString(), links });
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(PipelineOrchestrator), run, new StartOrchestrationOptions(run.RunId), cancellationToken);
        }
        catch (InstanceAlreadyExistsException)
        {
            return Results.Ok(new { action = "redelivery", runId = run.RunId, status = "Running", links });
        }
        logger.LogInformation("Started run {RunId} for {Repository}@{Branch} ({Sha})", run.RunId, run.Repository, run.Branch, run.ShortSha);
        return Results.Accepted(links.run, new { action = "started", runId = run.RunId, trigger = run.Trigger.ToString(), repository = run.Repository, branch = run.Branch, commit = run.CommitSha, links });
    }

    private static IResult NotConfigured(string repository) =>
        Results.Accepted(value: new { action = "ignored", reason = $"repository '{repository}' is not in {RepositorySettings.SettingName}" });

    private static bool IsJson(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsValidDeliveryId(string deliveryId) =>
        deliveryId.Length is > 0 and <= 64 && deliveryId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static IResult Problem(int status, string title, string detail, string? field = null) => FieldProblem.Of(status, detail, field, title);
}
