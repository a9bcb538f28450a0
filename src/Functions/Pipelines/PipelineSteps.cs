using Serverless.Core.Gates;
using Serverless.Core.Integrations.GitHub;
using Serverless.Core.Integrations.Local.Target;
using Serverless.Core.Pipelines;
using Serverless.Core.Security;
using Serverless.Functions.Approvals;
using Serverless.Functions.Pipelines.Activities;
using Serverless.Runtime.Durable;

namespace Serverless.Functions.Pipelines;

/// <summary>The stages of <see cref="PipelineOrchestrator"/>, one call each: progress, GitHub statuses and activities.</summary>
public sealed class PipelineSteps(TaskOrchestrationContext context, PipelineRun run)
{
    private readonly RunProgress _progress = new(context);
    private readonly DateTime _startedAt = context.CurrentUtcDateTime;
    private string? _environment;
    private string? _slackSetting;
    private long? _deploymentId;

    public async Task<(string Workspace, PipelineDefinition Pipeline)> CheckoutAsync()
    {
        _progress.Begin("checkout", "checkout");
        var checkout = await context.CallActivityAsync<CheckoutOutcome>(nameof(CheckoutActivities.Checkout), run);
        if (checkout.Pipeline is null)
        {
            _progress.End("checkout", false, string.Join("\n", checkout.Errors));
            await StatusAsync("pipeline", CommitState.Failure, checkout.Errors.FirstOrDefault() ?? "invalid pipeline.yml");
            throw new PipelineFailedException(string.Join("\n", checkout.Errors));
        }
        _progress.End("checkout", true, $"{run.ShortSha} checked out");
        _slackSetting = checkout.Pipeline.Notifications.Slack;
        _progress.Update(s => s with { Services = [.. checkout.Pipeline.Services.Select(x => x.Name)] });
        return (checkout.Workspace, checkout.Pipeline);
    }

    public Task ChecksAsync(string workspace, PipelineDefinition pipeline) =>
        StageGroupAsync("checks", pipeline.Checks.Steps.Select(step => (step.Name, StepAsync("checks", workspace, step))));

    public Task ScansAsync(string workspace, PipelineDefinition pipeline)
    {
        var scans = pipeline.Scans.Scanners.Select(scan => (scan.Name, scan.IsBuiltin
            ? SecretScanAsync(workspace, scan.Name, pipeline.Scans.Block)
            : StepAsync("scans", workspace, scan.Step!)));
        return StageGroupAsync("scans", scans);
    }

    public async Task<IReadOnlyDictionary<string, string>> BuildAsync(string workspace, PipelineDefinition pipeline)
    {
        await StatusAsync("build", CommitState.Pending, "building");
        foreach (var service in pipeline.Services)
            _progress.Begin($"build-{service.Name}", "build", StepActivities.LogNameFor(run.RunId, $"build-{service.Name}"));
        var builds = await Task.WhenAll(pipeline.Services.Select(service =>
            context.CallActivityAsync<BuildOutcome>(nameof(StepActivities.BuildService), new BuildInput(run.RunId, workspace, service))));
        foreach (var build in builds) _progress.End($"build-{build.Service}", build.Succeeded, build.Detail, build.LogName);
        if (builds.FirstOrDefault(b => !b.Succeeded) is { } failed)
        {
            await StatusAsync("build", CommitState.Failure, $"{failed.Service}: {failed.Detail}");
            throw new PipelineFailedException($"Build of {failed.Service} failed: {failed.Detail}");
        }
        await StatusAsync("build", CommitState.Success, $"{builds.Length} service(s) built");
        return builds.ToDictionary(b => b.Service, b => b.ReleaseDirectory!);
    }

    /// <summary>The branch routes the run to <paramref name="environment"/>: shown on the run from here on, gate included.</summary>
    public void Route(EnvironmentDefinition environment)
    {
        _environment = environment.Name;
        _progress.Update(s => s with { Environment = environment.Name, Strategy = environment.Strategy });
    }

    /// <summary>Waits on the environment's approval gate, if it has one; anything but Approved fails the run.</summary>
    public async Task ApproveAsync(EnvironmentDefinition environment)
    {
        if (environment.Approvals is not { } policy) return;
        var stage = $"approval-{environment.Name}";
        _progress.Begin(stage, "approval");
        var url = await context.CallActivityAsync<string>(nameof(DeliveryActivities.EnvironmentUrl), environment.Name);
        _deploymentId = await context.CallActivityAsync<long?>(nameof(ReportingActivities.RecordDeployment),
            new DeploymentRecordInput(run, environment.Name, null, DeploymentState.Queued, url, $"awaiting {policy.Required} approval(s)"));
        var teams = await context.CallActivityAsync<string?>(nameof(ApprovalActivities.ApprovalTeamsSetting), run.RunId);
        var gate = await context.CallSubOrchestratorAsync<ApprovalGateState>(nameof(ApprovalGateOrchestrator),
            new ApprovalGateInput(run.RunId, run.Repository, run.CommitSha, environment.Name, run.Pusher, policy, teams) { ChecksRunBeforeReminding = true },
            TaskOptions.WithInstanceId(ApprovalGates.InstanceIdFor(run.RunId, environment.Name)));
        var text = ApprovalGate.Describe(gate);
        _progress.Update(s => s with { Approvals = gate.Decisions });
        _progress.End(stage, gate.Outcome == ApprovalOutcome.Approved, text);
        if (gate.Outcome == ApprovalOutcome.Approved) return;
        await context.CallActivityAsync<long?>(nameof(ReportingActivities.RecordDeployment),
            new DeploymentRecordInput(run, environment.Name, _deploymentId, DeploymentState.Failure, url, Truncate(text)));
        throw new PipelineFailedException(text);
    }

    public async Task DeployAsync(EnvironmentDefinition environment, PipelineDefinition pipeline, IReadOnlyDictionary<string, string> releases, string workspace)
    {
        await StatusAsync($"deploy/{environment.Name}", CommitState.Pending, $"deploying to {environment.Name}");
        var url = await context.CallActivityAsync<string>(nameof(DeliveryActivities.EnvironmentUrl), environment.Name);
        var deploymentId = await context.CallActivityAsync<long?>(nameof(ReportingActivities.RecordDeployment),
            new DeploymentRecordInput(run, environment.Name, _deploymentId, DeploymentState.InProgress, url, $"deploying {run.ShortSha}"));
        var compensations = new Compensations();
        try
        {
            var blueGreen = environment.Strategy == DeploymentStrategy.BlueGreen;
            var deployed = await DeployServicesAsync(environment, pipeline, releases, shiftTraffic: !blueGreen, compensations);
            if (blueGreen)
            {
                var candidateUrl = $"http://127.0.0.1:{deployed[0].InternalPort}/";
                await TestsAsync(workspace, environment.SmokeTests, candidateUrl);
                await DeployServicesAsync(environment, pipeline, releases, shiftTraffic: true, compensations: null);
                await TestsAsync(workspace, environment.Tests, url);
            }
            else
            {
                await TestsAsync(workspace, environment.SmokeTests.Concat(environment.Tests), url);
            }
            _progress.Update(s => s with { DeployedVersion = run.CommitSha });
            await context.CallActivityAsync<long?>(nameof(ReportingActivities.RecordDeployment),
                new DeploymentRecordInput(run, environment.Name, deploymentId, DeploymentState.Success, url, $"{run.ShortSha} is live"));
            await StatusAsync($"deploy/{environment.Name}", CommitState.Success, $"live on {environment.Name}");
        }
        catch (PipelineFailedException failure)
        {
            // Only what went live (or started as a candidate) is undone; a version that never became healthy took no traffic.
            if (compensations.Count > 0)
            {
                _progress.Begin("rollback", "rollback");
                var changes = compensations.Count;
                var undoFailures = await compensations.RunAsync();
                _progress.End("rollback", undoFailures.Count == 0, undoFailures.Count == 0 ? $"{changes} change(s) undone" : string.Join("; ", undoFailures));
            }
            await context.CallActivityAsync<long?>(nameof(ReportingActivities.RecordDeployment),
                new DeploymentRecordInput(run, environment.Name, deploymentId, DeploymentState.Failure, url, Truncate(failure.Message)));
            await StatusAsync($"deploy/{environment.Name}", CommitState.Failure, failure.Message);
            throw;
        }
    }

    private async Task<List<DeploymentResult>> DeployServicesAsync(EnvironmentDefinition environment, PipelineDefinition pipeline,
        IReadOnlyDictionary<string, string> releases, bool shiftTraffic, Compensations? compensations)
    {
        var results = new List<DeploymentResult>();
        foreach (var service in pipeline.Services)
        {
            var stage = shiftTraffic ? $"deploy-{service.Name}" : $"candidate-{service.Name}";
            _progress.Begin(stage, "deploy", LocalTarget.LogNameFor(environment.Name, service.Name, run.CommitSha));
            var result = await context.CallActivityAsync<DeploymentResult>(nameof(DeliveryActivities.DeployService), new DeployInput
            {
                RunId = run.RunId, Environment = environment.Name, Service = service, Version = run.CommitSha,
                ReleaseDirectory = releases[service.Name], Health = environment.Health, ShiftTraffic = shiftTraffic,
            });
            _progress.End(stage, result.Succeeded, result.Message, result.LogName);
            if (!result.Succeeded) throw new PipelineFailedException($"{service.Name} {run.ShortSha} is unhealthy on {environment.Name}: {result.Message}");
            // One undo per service: before the switch it stops the candidate, after it switches traffic back.
            compensations?.Record($"roll back {service.Name}", () =>
                context.CallActivityAsync<RollbackResult>(nameof(DeliveryActivities.RollbackService), new RollbackInput(environment.Name, service.Name)));
            results.Add(result);
        }
        return results;
    }

    private async Task TestsAsync(string workspace, IEnumerable<CommandStep> tests, string url)
    {
        foreach (var test in tests)
        {
            var outcome = await StepAsync("smoke", workspace, test, new Dictionary<string, string> { ["TARGET_URL"] = url });
            if (!outcome.Succeeded) throw new PipelineFailedException($"Smoke test {outcome.Describe()} against {url}");
        }
    }

    public async Task<string> FinishAsync(string result)
    {
        _progress.Update(s => s with { Stage = "done", Result = result });
        // A superseded run did nothing worth announcing: the newer run that replaced it will report.
        if (result != "Superseded") await NotifyAsync(succeeded: true, reason: null);
        return result;
    }

    public async Task FailAsync(string reason)
    {
        _progress.Update(s => s with { Stage = "failed", Result = "Failed", Reason = reason });
        await NotifyAsync(succeeded: false, reason);
    }

    private async Task StageGroupAsync(string group, IEnumerable<(string Name, Task<StepOutcome> Outcome)> stages)
    {
        var running = stages.ToList();
        if (running.Count == 0) return;
        await StatusAsync(group, CommitState.Pending, $"running {running.Count} {group}");
        var outcomes = await Task.WhenAll(running.Select(s => s.Outcome));
        if (outcomes.FirstOrDefault(o => !o.Succeeded) is { } failed)
        {
            await StatusAsync(group, CommitState.Failure, failed.Describe());
            throw new PipelineFailedException($"{char.ToUpperInvariant(group[0])}{group[1..]} failed: {failed.Describe()}");
        }
        await StatusAsync(group, CommitState.Success, $"{outcomes.Length} passed");
    }

    private async Task<StepOutcome> StepAsync(string group, string workspace, CommandStep step, IReadOnlyDictionary<string, string>? environment = null)
    {
        var stage = $"{group}-{step.Name}";
        _progress.Begin(stage, group, StepActivities.LogNameFor(run.RunId, stage));
        var outcome = await context.CallActivityAsync<StepOutcome>(nameof(StepActivities.RunStep), new StepInput
        {
            RunId = run.RunId, Workspace = workspace, Stage = stage, Command = step.Command,
            Timeout = step.Timeout, Environment = environment ?? new Dictionary<string, string>(),
        });
        _progress.End(stage, outcome.Succeeded, outcome.Succeeded ? $"passed in {outcome.Seconds}s" : outcome.Describe(), outcome.LogName);
        return outcome with { Stage = step.Name };
    }

    private async Task<StepOutcome> SecretScanAsync(string workspace, string name, IReadOnlyList<Severity> block)
    {
        var stage = $"scans-{name}";
        _progress.Begin(stage, "scans");
        var scan = await context.CallActivityAsync<SecretScanOutcome>(nameof(StepActivities.ScanSecrets), new SecretScanInput(run.RunId, workspace, block));
        _progress.End(stage, scan.Passed, scan.Summary, scan.SarifName);
        return new StepOutcome(name, scan.Passed, scan.Passed ? 0 : 1, false, scan.SarifName, [scan.Summary], 0);
    }

    private Task StatusAsync(string stageContext, CommitState state, string description) =>
        context.CallActivityAsync<bool>(nameof(ReportingActivities.ReportCommitStatus), new CommitStatusInput(run, stageContext, state, Truncate(description)));

    private Task NotifyAsync(bool succeeded, string? reason) =>
        context.CallActivityAsync<bool>(nameof(ReportingActivities.NotifySlack),
            new NotificationInput(run, _slackSetting, _environment, succeeded, reason, context.CurrentUtcDateTime - _startedAt));

    private static string Truncate(string text) => text.Length <= 140 ? text : text[..137] + "...";
}
