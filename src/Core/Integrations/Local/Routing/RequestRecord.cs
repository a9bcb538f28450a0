namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>One request the router forwarded: to which upstream, with what status and how long it took end to end.</summary>
public readonly record struct RequestRecord(DateTimeOffset Timestamp, string Service, int UpstreamPort, int StatusCode, TimeSpan Latency)
{
    /// <summary>5xx, including the router's own 502/504 when the upstream did not answer.</summary>
    public bool IsServerError => StatusCode >= 500;
}
