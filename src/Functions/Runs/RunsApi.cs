using Microsoft.AspNetCore.Http;
using Serverless.Core.Artifacts;
using Serverless.Functions.Approvals;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Runs;

/// <summary>The run API: list runs, one run with its stages, and a step's log.</summary>
public sealed class RunsApi(IArtifactStore artifacts, TimeProvider timeProvider)
{
    private const int MaxPageSize = 100;
    private const int MaxScannedPerRequest = 2000;

    [Function("ListRuns")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var query = request.Query;
        var top = 25;
        if (query.TryGetValue("top", out var topText) && (!int.TryParse(topText, out top) || top is < 1 or > MaxPageSize))
            return FieldProblem.Of(StatusCodes.Status400BadRequest, $"top must be a number from 1 to {MaxPageSize}.", "top");
        string? Filter(string name) => query.TryGetValue(name, out var value) && value.ToString().Length > 0 ? value.ToString() : null;
        var (repo, branch, environment, status) = (Filter("repo"), Filter("branch"), Filter("environment"), Filter("status"));
        if (status is not null && !RunViews.StatusNames.Contains(status, StringComparer.OrdinalIgnoreCase))
            return FieldProblem.Of(StatusCodes.Status400BadRequest, $"status must be one of {string.Join(", ", RunViews.StatusNames)}.", "status");

        var runs = new List<RunSummary>();
        var token = request.Headers["x-ms-continuation-token"].FirstOrDefault() ?? Filter("continuationToken");
        var now = timeProvider.GetUtcNow();
        var scanned = 0;
        // Newest first; each page asks only for the runs still missing, so a page boundary is exactly where this answer
        // stops and the continuation token resumes after the last run returned. Scanning is bounded per request.
        // Runs are told apart by orchestration name, not id: a run restarted under a new id (a GUID) is a run too.
        do
        {
            OrchestrationPage page;
            try
            {
                page = await client.GetInstancesPageAsync(new OrchestrationQuery
                {
                    Names = RunViews.OrchestrationNames, PageSize = top - runs.Count, FetchInputsAndOutputs = true,
                    ContinuationToken = token, NewestFirst = true,
                }, cancellationToken);
            }
            catch (ArgumentException) when (scanned == 0 && token is not null)
            {
                return FieldProblem.Of(StatusCodes.Status400BadRequest,
                    "The continuation token is not one this API gave out; start again without it.", "continuationToken");
            }
            scanned += page.Instances.Count;
            token = page.ContinuationToken;
            foreach (var instance in page.Instances)
            {
                if (RunViews.AsRun(instance) is null || RunViews.Summarize(instance, now) is not { } run) continue;
                if (repo is not null && !run.Repository.Equals(repo, StringComparison.OrdinalIgnoreCase)) continue;
                if (branch is not null && run.Branch != branch) continue;
                if (environment is not null && !string.Equals(run.Environment, environment, StringComparison.OrdinalIgnoreCase)) continue;
                if (status is not null && !run.Status.Equals(status, StringComparison.OrdinalIgnoreCase)) continue;
                runs.Add(run);
            }
        }
        while (token is not null && runs.Count < top && scanned < MaxScannedPerRequest);
        if (token is not null) request.HttpContext.Response.Headers["x-ms-continuation-token"] = token;
        return Results.Ok(new { runs, continuationToken = token });
    }

    [Function("GetRun")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var instance = RunViews.AsRun(await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken));
        if (instance is null || RunViews.Detail(instance, timeProvider.GetUtcNow()) is not { } detail)
            return FieldProblem.Of(StatusCodes.Status404NotFound, $"No run with id '{id}'.", "id");
        return Results.Ok(await WithOpenGateAsync(detail, client, cancellationToken));
    }

    /// <summary>While the run waits at an approval gate, the decisions so far and who may still approve.</summary>
    private static async Task<RunDetail> WithOpenGateAsync(RunDetail detail, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (detail.Run.Environment is not { } environment || !detail.Stages.Any(s => s.Group == "approval" && s.State == StageState.Running)) return detail;
        var gateId = ApprovalGates.InstanceIdFor(detail.Run.Id, environment);
        var gate = (await client.GetInstanceAsync(gateId, cancellationToken: cancellationToken))?.ReadCustomStatusAs<ApprovalGateStatus>();
        return gate is null ? detail : detail with { Approvals = [.. gate.State.Decisions], PendingApproval = PendingApproval.From(gate) };
    }

    /// <summary>A step's log; with <c>?offset=N</c> only what was written from byte N, so clients can follow a running step.</summary>
    [Function("GetRunLog")]
    public async Task<IResult> Log(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}/logs/{step}")] HttpRequest request,
        string id,
        string step,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        long offset = 0;
        if (request.Query.TryGetValue("offset", out var offsetText) && (!long.TryParse(offsetText, out offset) || offset < 0))
            return FieldProblem.Of(StatusCodes.Status400BadRequest, "offset must be a whole number of bytes, 0 or more.", "offset");
        var instance = RunViews.AsRun(await client.GetInstanceAsync(id, cancellationToken: cancellationToken));
        if (instance is null) return FieldProblem.Of(StatusCodes.Status404NotFound, $"No run with id '{id}'.", "id");
        var stage = RunViews.StatusOf(instance)?.Stages.FirstOrDefault(s => s.Name.Equals(step, StringComparison.OrdinalIgnoreCase));
        if (stage?.LogName is not { } logName || !await artifacts.ExistsAsync(logName, cancellationToken))
            return FieldProblem.Of(StatusCodes.Status404NotFound, $"Run '{id}' has no log for step '{step}'.", "step");
        var contentType = logName.EndsWith(".sarif", StringComparison.Ordinal) ? "application/sarif+json" : "text/plain; charset=utf-8";
        await using var stream = await artifacts.OpenReadAsync(logName, cancellationToken);
        var chunk = await LogChunk.ReadAsync(stream, offset, cancellationToken);
        request.HttpContext.Response.Headers[LogChunk.NextOffsetHeader] = chunk.NextOffset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Bytes(chunk.Bytes, contentType);
    }

}
