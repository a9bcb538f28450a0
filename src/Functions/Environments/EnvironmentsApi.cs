using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Functions.Operations.Health;
using Serverless.Functions.Runs;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Environments;

/// <summary>What is live in each environment, and the admin's rollback of one service.</summary>
public sealed class EnvironmentsApi(LocalTarget target, IArtifactStore artifacts, ILogger<EnvironmentsApi> logger)
{
    private static readonly TimeSpan RollbackWait = TimeSpan.FromMinutes(2);

    [Function("ListEnvironments")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "environments")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var state = target.GetState();
        var origins = await DeploymentOriginsAsync(client, state, cancellationToken);
        var health = await HealthStateStore.LoadAsync(artifacts, cancellationToken);
        return Results.Ok(new { environments = EnvironmentViews.Build(state, origins, health) });
    }

    /// <summary>
    /// Puts the previous version of a service back in front of traffic (or stops its candidate), as a durable
    /// orchestration so the change is recorded with who asked and why; answers once it is done.
    /// </summary>
    [Function("RollbackEnvironmentService")]
    public async Task<IResult> Rollback(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "environments/{environment}/services/{service}/rollback")] HttpRequest request,
        string environment,
        string service,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var known = target.GetState().Environments.FirstOrDefault(e => e.Environment.Equals(environment, StringComparison.OrdinalIgnoreCase));
        if (known is null) return FieldProblem.Of(StatusCodes.Status404NotFound, $"There is no environment '{environment}'.", "environment");
        if (!known.Services.Any(s => s.Service == service))
            return FieldProblem.Of(StatusCodes.Status404NotFound, $"Nothing named '{service}' is deployed to {known.Environment}.", "service");

        var (badField, body) = await OptionalJsonBody.ReadAsync<RollbackRequest>(request, cancellationToken);
        if (badField is not null) return FieldProblem.Of(StatusCodes.Status400BadRequest, "The body must be JSON: { \"reason\": \"why\" }.", badField);
        var reason = body?.Reason?.Trim();
        if (FreeText.TooLong(reason, "reason") is { } tooLong) return tooLong;
        var by = ClientPrincipal.NameOf(request) ?? "admin";
        if (FreeText.TooLong(by, ClientPrincipal.NameHeader, FreeText.MaxNameLength) is { } nameTooLong) return nameTooLong;

        var input = new ManualRollbackInput(known.Environment, service, by, string.IsNullOrEmpty(reason) ? null : reason);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(ManualRollbackOrchestrator), input,
            new StartOrchestrationOptions($"rollback-{known.Environment}-{service}-{Guid.NewGuid():N}"), cancellationToken);
        logger.ManualRollbackRequested(known.Environment, service, by, id);

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(RollbackWait);
        OrchestrationMetadata done;
        try
        {
            done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Results.Accepted($"/runtime/webhooks/durabletask/instances/{id}", new { instanceId = id, message = "The rollback is still running." });
        }
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<RollbackResult>() is not { } result)
            return FieldProblem.Of(StatusCodes.Status502BadGateway, $"The rollback did not complete: {done.FailureDetails?.ErrorMessage ?? done.RuntimeStatus.ToString()}", "service");
        return result.Outcome == RollbackOutcome.NothingToRollBack
            ? FieldProblem.Of(StatusCodes.Status409Conflict, result.Message, "service")
            : Results.Ok(new { outcome = result.Outcome.ToString(), result.Environment, result.Service, result.LiveVersion, result.StoppedVersion, result.Message, instanceId = id });
    }

    /// <summary>
    /// The newest run that deployed each version the target runs, read newest first and only as far back as needed:
    /// the page refreshes every few seconds, and run history only grows.
    /// </summary>
    private static async Task<IReadOnlyList<DeploymentOrigin>> DeploymentOriginsAsync(DurableTaskClient client, TargetState state, CancellationToken cancellationToken)
    {
        var wanted = state.Environments
            .SelectMany(e => e.Services.SelectMany(s => new[] { s.Live, s.Previous, s.Candidate }).OfType<VersionState>().Select(v => Key(e.Environment, v.Version)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var origins = new List<DeploymentOrigin>();
        var query = new OrchestrationQuery { Names = RunViews.OrchestrationNames, FetchInputsAndOutputs = true, NewestFirst = true };
        await foreach (var instance in client.GetAllInstancesAsync(query, cancellationToken))
        {
            if (wanted.Count == 0) break;
            if (RunViews.AsRun(instance) is null) continue;
            if (RunViews.StatusOf(instance) is not { Environment: { } environment } status || !status.Stages.Any(s => s.Group == "deploy")) continue;
            if (RunViews.InputOf(instance) is not { } run || !wanted.Remove(Key(environment, run.CommitSha))) continue;
            if (RunViews.Summarize(instance, instance.LastUpdatedAt) is { } summary)
                origins.Add(new DeploymentOrigin(environment, run.CommitSha, summary, run.Pusher, status.Strategy));
        }
        return origins;

        static string Key(string environment, string version) => $"{environment}/{version}";
    }


    private sealed record RollbackRequest(string? Reason);
}
