namespace Serverless.Core.Integrations.Local.Routing;

public sealed class TrafficRouterOptions
{
    public const int DefaultRequestLogCapacity = 10_000;
    public static readonly TimeSpan DefaultProxyTimeout = TimeSpan.FromSeconds(100);

    /// <summary>How many recent requests each router keeps for <see cref="TrafficRouter.Stats"/>.</summary>
    public int RequestLogCapacity { get; set; } = DefaultRequestLogCapacity;

    /// <summary>How long a forwarded request may take before the client gets 504.</summary>
    public TimeSpan ProxyTimeout { get; set; } = DefaultProxyTimeout;

    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (RequestLogCapacity is < 1 or > 10_000_000) errors.Add($"{section}:{nameof(RequestLogCapacity)} must be between 1 and 10000000 (was {RequestLogCapacity}).");
        if (ProxyTimeout <= TimeSpan.Zero) errors.Add($"{section}:{nameof(ProxyTimeout)} must be positive (was {ProxyTimeout}).");
        return errors;
    }
}
