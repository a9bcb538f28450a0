using Serverless.Core.Integrations.Local.Target;
using Serverless.Runtime.Hosting;

namespace Serverless.Functions.Pipelines.Activities;

public sealed class DeliveryActivities(LocalTarget target)
{
    /// <summary>Starts the version next to the live one, waits for its health endpoint, then moves traffic to it unless asked to keep it as the candidate.</summary>
    [Function(nameof(DeployService))]
    public Task<DeploymentResult> DeployService([ActivityTrigger] DeployInput input, CancellationToken cancellationToken) =>
        target.DeployAsync(new DeploymentRequest
        {
            Environment = input.Environment,
            Service = input.Service.Name,
            Version = input.Version,
            ReleaseDirectory = input.ReleaseDirectory,
            RunCommand = input.Service.Run ?? throw new InvalidOperationException($"Service '{input.Service.Name}' has no run command."),
            HealthPath = input.Health.Path ?? input.Service.Health,
            HealthTimeout = input.Health.Timeout,
            ExpectedStatus = input.Health.ExpectedStatus,
            ShiftTraffic = input.ShiftTraffic,
        }, cancellationToken);

    /// <summary>Puts the previous version back in front of traffic; a no-op when there is nothing to undo.</summary>
    [Function(nameof(RollbackService))]
    public Task<RollbackResult> RollbackService([ActivityTrigger] RollbackInput input, CancellationToken cancellationToken) =>
        target.RollbackAsync(input.Environment, input.Service, cancellationToken);

    [Function(nameof(EnvironmentUrl))]
    public string EnvironmentUrl([ActivityTrigger] string environment) => $"http://127.0.0.1:{target.GetPublicPort(environment)}/";
}
