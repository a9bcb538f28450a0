using Microsoft.Extensions.Hosting;
using Serverless.Core.Integrations.Local.Target;

namespace Serverless.Core.Integrations.Local;

/// <summary>Restores the local target's versions and ports when the host starts, and stops them when it stops.</summary>
internal sealed class LocalTargetHostedService(LocalTarget target) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => target.RestoreAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => target.DisposeAsync().AsTask();
}
