using Serverless.Core.Artifacts;
using Serverless.Core.Integrations.Local.Runner;
using Serverless.Core.Security;
using Serverless.Core.Security.Sarif;
using Serverless.Core.Security.Secrets;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines.Activities;

public sealed class StepActivities(LocalRunner runner, IArtifactStore artifacts, PipelineSettings settings)
{
    public static string LogNameFor(string runId, string stage) => $"runs/{runId}/logs/{stage}.log";

    /// <summary>Runs one command of the pipeline (a check, a test, a smoke test). Idempotent: the log is rewritten.</summary>
    [Function(nameof(RunStep))]
    public async Task<StepOutcome> RunStep([ActivityTrigger] StepInput input, CancellationToken cancellationToken)
    {
        var result = await runner.RunStepAsync(new StepRequest
        {
            Workspace = input.Workspace,
            WorkingDirectory = input.WorkingDirectory,
            Command = input.Command,
            Timeout = input.Timeout,
            Environment = input.Environment,
            LogName = LogNameFor(input.RunId, input.LogStage ?? input.Stage),
            AppendToLog = input.AppendToLog,
        }, artifacts, cancellationToken);
        return new StepOutcome(input.Stage, result.Succeeded, result.ExitCode, result.TimedOut, result.LogName, result.Tail, Math.Round(result.Duration.TotalSeconds, 2));
    }

    /// <summary>The built-in secret scan over the checkout; the SARIF report goes to the artifact store.</summary>
    [Function(nameof(ScanSecrets))]
    public async Task<SecretScanOutcome> ScanSecrets([ActivityTrigger] SecretScanInput input, CancellationToken cancellationToken)
    {
        var scanner = new SecretScanner();
        var result = scanner.Scan(input.Workspace, cancellationToken);
        var sarifName = $"runs/{input.RunId}/security/secrets.sarif";
        await artifacts.WriteAsync(sarifName, SarifWriter.Serialize(SecretSarif.ToSarifLog(result.Findings, scanner.Rules)), cancellationToken);
        var gate = SecurityGate.Evaluate(result.Findings, [.. input.Block]);
        var summary = result.Findings.Count == 0 ? $"no secrets found in {result.FilesScanned} files" : gate.Reason;
        return new SecretScanOutcome(gate.Passed, summary, sarifName, result.Findings.Count);
    }

    /// <summary>
    /// Builds and tests one service, then copies the service folder to a release folder the target deploys from,
    /// so the workspace can be deleted. Idempotent: the release folder is replaced.
    /// </summary>
    [Function(nameof(BuildService))]
    public async Task<BuildOutcome> BuildService([ActivityTrigger] BuildInput input, CancellationToken cancellationToken)
    {
        var service = input.Service;
        string? log = null;
        var buildStage = $"build-{service.Name}";
        // The build and the service's tests share the build stage's log, one after the other, as the stage shows them.
        foreach (var (stage, step) in new[] { (buildStage, service.Build), ($"test-{service.Name}", service.Test) })
        {
            if (step is null) continue;
            var outcome = await RunStep(new StepInput
            {
                RunId = input.RunId, Workspace = input.Workspace, Stage = stage, Command = step.Command,
                WorkingDirectory = service.Path, Timeout = step.Timeout, LogStage = buildStage, AppendToLog = log is not null,
            }, cancellationToken);
            log = outcome.LogName;
            if (!outcome.Succeeded) return new BuildOutcome(service.Name, false, null, log, outcome.Describe());
        }
        var release = Path.Combine(settings.ReleasesDirectory, input.RunId, service.Name);
        ReleaseCopy.Replace(Path.Combine(input.Workspace, service.Path), release);
        return new BuildOutcome(service.Name, true, release, log, "built");
    }
}
