namespace Serverless.Core.Integrations.PagerDuty;

/// <summary>Sends alert events to PagerDuty's Events API v2.</summary>
public interface IPagerDutyClient
{
    /// <summary>False when no routing key is configured: events are then dropped (and logged) rather than sent.</summary>
    bool IsConfigured { get; }

    /// <exception cref="PagerDutyException">PagerDuty answered anything but 202.</exception>
    Task<PagerDutyEventAccepted?> SendAsync(PagerDutyEvent alert, CancellationToken cancellationToken = default);
}
