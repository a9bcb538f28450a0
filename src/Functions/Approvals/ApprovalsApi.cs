using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Serverless.Core.Gates;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;
using Serverless.Runtime.Storage;

namespace Serverless.Functions.Approvals;

/// <summary>
/// Approve or reject a waiting gate, by a signed-in caller (the App Service principal header, which personal keys set
/// when the host has them) or by a signed link (not with personal keys); and list the gates that are waiting.
/// Decisions are checked against the gate's published state first, so refusals come back as problem details instead
/// of vanishing into the orchestration.
/// </summary>
public sealed class ApprovalsApi(ApprovalTokens tokens, TimeProvider timeProvider, UserKeys users)
{
    public const string PrincipalHeader = ClientPrincipal.NameHeader;

    [Function("ListApprovals")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "approvals")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var pending = new List<PendingApproval>();
        var query = new OrchestrationQuery { InstanceIdPrefix = ApprovalGates.InstancePrefix, Statuses = [OrchestrationRuntimeStatus.Running] };
        await foreach (var instance in client.GetAllInstancesAsync(query, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<ApprovalGateStatus>() is not { } gate || gate.State.Outcome != ApprovalOutcome.Pending) continue;
            if (await EndedRuns.ReasonAsync(client, gate.RunId, cancellationToken) is not null) continue;
            pending.Add(PendingApproval.From(gate));
        }
        return Results.Ok(new { approvals = pending.OrderBy(p => p.ExpiresAt) });
    }

    [Function("DecideApproval")]
    public async Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "approvals/{runId}/{environment}")] HttpRequest request,
        string runId,
        string environment,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (ClientPrincipal.NameOf(request) is not { } approver)
            return FieldProblem.Of(StatusCodes.Status401Unauthorized, $"The {PrincipalHeader} header names the approver and is missing.", PrincipalHeader);
        if (FreeText.TooLong(approver, PrincipalHeader, FreeText.MaxNameLength) is { } nameTooLong) return nameTooLong;
        var (badField, body) = await OptionalJsonBody.ReadAsync<DecisionBody>(request, cancellationToken);
        if (badField is not null)
            return FieldProblem.Of(StatusCodes.Status400BadRequest, "The body must be JSON: { \"decision\": \"approve\" | \"reject\", \"comment\": \"...\" }.", badField);
        if (body?.Decision?.ToLowerInvariant() is not ("approve" or "reject"))
            return FieldProblem.Of(StatusCodes.Status400BadRequest, "decision must be \"approve\" or \"reject\".", "decision");
        if (FreeText.TooLong(body.Comment, "comment") is { } commentTooLong) return commentTooLong;
        var choice = body.Decision.Equals("approve", StringComparison.OrdinalIgnoreCase) ? ApprovalChoice.Approve : ApprovalChoice.Reject;
        return await OfferAsync(client, runId, environment, new ApprovalEvent(approver, choice, body.Comment), cancellationToken);
    }

    [Function("DecideApprovalByLink")]
    public async Task<IResult> DecideByLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{runId}/{environment}/{token}")] HttpRequest request,
        string runId,
        string environment,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (users.Any)
            return FieldProblem.Of(StatusCodes.Status403Forbidden,
                "Approval links are off while the host gives people personal keys: decide on the dashboard, signed in with yours.", "token");
        var check = tokens.Verify(token, runId, environment, timeProvider.GetUtcNow());
        return check switch
        {
            { Status: ApprovalTokenStatus.Expired } => FieldProblem.Of(StatusCodes.Status410Gone, "This approval link has expired.", "token"),
            { Status: ApprovalTokenStatus.Valid, Link: { } link } => await OfferAsync(client, runId, environment, new ApprovalEvent(link.Approver, link.Choice, "via signed link"), cancellationToken),
            _ => FieldProblem.Of(StatusCodes.Status401Unauthorized, "This approval link is not valid for this run and environment.", "token"),
        };
    }

    private async Task<IResult> OfferAsync(DurableTaskClient client, string runId, string environment, ApprovalEvent decision, CancellationToken cancellationToken)
    {
        var instanceId = ApprovalGates.InstanceIdFor(runId, environment);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance?.ReadCustomStatusAs<ApprovalGateStatus>() is not { } gate)
            return await client.GetInstanceAsync(runId, cancellationToken: cancellationToken) is null
                ? FieldProblem.Of(StatusCodes.Status404NotFound, $"There is no run '{runId}'.", "runId")
                : FieldProblem.Of(StatusCodes.Status404NotFound, $"Run '{runId}' has no approval gate for '{environment}'.", "environment");

        var result = ApprovalGate.Decide(gate.State, new ApprovalDecision(decision.Approver, decision.Choice, timeProvider.GetUtcNow(), decision.Comment), ApprovalTeams.Parse(gate.Teams));
        if (result.Refusal is { } refusal) return Refused(refusal, result);
        if (await EndedRuns.ReasonAsync(client, runId, cancellationToken) is { } ended)
            return FieldProblem.Of(StatusCodes.Status410Gone, $"Run '{runId}' has ended ({ended}); its gate takes no more decisions.", "runId");
        try
        {
            await client.RaiseEventAsync(instanceId, ApprovalGates.DecisionEvent, decision, cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            return FieldProblem.Of(StatusCodes.Status404NotFound, $"Run '{runId}' has no approval gate for '{environment}'.", "environment");
        }
        catch (InstanceFinishedException)
        {
            return FieldProblem.Of(StatusCodes.Status410Gone, "The approval gate has already closed.", "environment");
        }
        return Results.Accepted(value: new { runId, environment, outcome = result.State.Outcome, status = result.Detail });
    }

    private static IResult Refused(ApprovalRefusal refusal, ApprovalDecisionResult result) => refusal switch
    {
        ApprovalRefusal.Closed when result.State.Outcome is ApprovalOutcome.Expired or ApprovalOutcome.Withdrawn => FieldProblem.Of(StatusCodes.Status410Gone, result.Detail, "environment"),
        ApprovalRefusal.Closed => FieldProblem.Of(StatusCodes.Status409Conflict, result.Detail, "environment"),
        ApprovalRefusal.AlreadyDecided => FieldProblem.Of(StatusCodes.Status409Conflict, result.Detail, "approver"),
        _ => FieldProblem.Of(StatusCodes.Status403Forbidden, result.Detail, "approver"),
    };


    private sealed record DecisionBody(string? Decision, string? Comment);
}

/// <summary>A waiting gate as the approvals list shows it.</summary>
public sealed record PendingApproval(string RunId, string Repository, string CommitSha, string Environment, string Status,
    IReadOnlyList<string> ApprovedBy, int Required, string MayApprove, DateTimeOffset ExpiresAt)
{
    public static PendingApproval From(ApprovalGateStatus gate) => new(gate.RunId, gate.Repository, gate.CommitSha, gate.Environment, gate.Text,
        gate.State.ApprovedBy, gate.State.Required, ApprovalGate.DescribeApprovers(gate.State, ApprovalTeams.Parse(gate.Teams)), gate.State.ExpiresAt);
}
