using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Functions.Pipelines;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Operations.Security;

/// <summary>The nightly scan, an on-demand scan, the latest report per repository, and the freeze override.</summary>
public sealed class SecurityFunctions(DurableTaskClient client, IArtifactStore artifacts, RepositorySettings repositories, UserKeys users, TimeProvider time, ILogger<SecurityFunctions> logger)
{
    /// <summary>One scan at a time, so a freeze is decided and announced once per scan.</summary>
    public const string InstanceId = "security-scan";

    [Function("SecurityScanTimer")]
    public async Task Timer([TimerTrigger("%" + SecurityScanSettings.ScheduleSetting + "%", DefaultSchedule = SecurityScanSettings.DefaultSchedule)] TimerInfo timer)
    {
        if (await SingleInstance.TryStartAsync(client, nameof(SecurityScanOrchestrator), InstanceId))
            logger.ScanStarted(InstanceId, timer.IsPastDue ? "schedule, past due" : "schedule");
        else
            logger.ScanStillRunning(InstanceId);
    }

    [Function("SecurityScanNow")]
    public async Task<IResult> ScanNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "security/scan")] HttpRequest request)
    {
        var alreadyRunning = !await SingleInstance.TryStartAsync(client, nameof(SecurityScanOrchestrator), InstanceId, request.HttpContext.RequestAborted);
        if (!alreadyRunning) logger.ScanStarted(InstanceId, "on demand");
        return SingleInstance.Accepted(InstanceId, alreadyRunning);
    }

    /// <summary>Every configured repository with its latest scan's counts and its deployment freeze, if any.</summary>
    [Function("SecurityOverview")]
    public async Task<IResult> Overview([HttpTrigger(AuthorizationLevel.Function, "get", Route = "security")] HttpRequest request)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var rows = new List<SecurityOverviewRow>();
        foreach (var repository in repositories.Repositories.Order(StringComparer.OrdinalIgnoreCase))
        {
            var summary = await SecurityStore.LoadSummaryAsync(artifacts, repository, cancellationToken);
            var freeze = await SecurityStore.LoadFreezeAsync(artifacts, repository, cancellationToken);
            rows.Add(SecurityOverviewRow.From(repository, summary, freeze));
        }
        return Results.Ok(new { repositories = rows, frozen = rows.Where(r => r.Freeze is { Active: true }).Select(r => r.Repository) });
    }

    [Function("SecurityLatestReport")]
    public async Task<IResult> LatestReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "security/reports/{owner}/{repo}/latest")] HttpRequest request, string owner, string repo)
    {
        var name = SecurityStore.LatestReport($"{owner}/{repo}");
        if (!await artifacts.ExistsAsync(name, request.HttpContext.RequestAborted))
            return FieldProblem.Of(StatusCodes.Status404NotFound, $"{owner}/{repo} has not been scanned yet.", "repo", "No report");
        var sarif = await artifacts.ReadAllTextAsync(name, request.HttpContext.RequestAborted);
        return Results.Text(sarif, "application/sarif+json");
    }

    [Function("SecurityFreezeOverride")]
    public async Task<IResult> OverrideFreeze(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "security/freeze/{owner}/{repo}/override")] HttpRequest request, string owner, string repo)
    {
        var repository = repositories.Repositories.FirstOrDefault(r => r.Equals($"{owner}/{repo}", StringComparison.OrdinalIgnoreCase)) ?? $"{owner}/{repo}";
        var (badField, body) = await OptionalJsonBody.ReadAsync<FreezeOverrideRequest>(request, request.HttpContext.RequestAborted);
        if (badField is not null)
            return FieldProblem.Of(StatusCodes.Status400BadRequest, "Send JSON: {\"reason\": \"...\", \"by\": \"...\"}.", badField, "Invalid body");
        if (string.IsNullOrWhiteSpace(body?.Reason))
            return FieldProblem.Of(StatusCodes.Status400BadRequest, "Send JSON: {\"reason\": \"why the freeze may be lifted\", \"by\": \"who\"}.", "reason", "A reason is required");
        if (FreeText.TooLong(body.Reason.Trim(), "reason") is { } reasonTooLong) return reasonTooLong;
        // The signed-in name wins; a name in the body is taken only where names are not verified anyway.
        var by = ClientPrincipal.NameOf(request) ?? (users.Any || string.IsNullOrWhiteSpace(body.By) ? "admin" : body.By.Trim());
        if (FreeText.TooLong(by, "by", FreeText.MaxNameLength) is { } byTooLong) return byTooLong;
        var freeze = await SecurityStore.LoadFreezeAsync(artifacts, repository, request.HttpContext.RequestAborted);
        if (freeze is not { Active: true })
            return FieldProblem.Of(StatusCodes.Status404NotFound, $"Deployments of {repository} are not frozen.", "repo", "Not frozen");
        var lifted = freeze with { Active = false, LiftedAt = time.GetUtcNow().UtcDateTime, LiftedBy = by, Reason = body.Reason.Trim() };
        await SecurityStore.SaveFreezeAsync(artifacts, lifted, request.HttpContext.RequestAborted);
        logger.Unfrozen(repository, by);
        return Results.Ok(new { repository, frozen = false, liftedBy = by, reason = lifted.Reason, liftedAt = lifted.LiftedAt, secrets = freeze.Secrets });
    }
}
