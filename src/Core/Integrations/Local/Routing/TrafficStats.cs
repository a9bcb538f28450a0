namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>What analysis reads: how many requests, the share that failed with 5xx, and the 95th-percentile latency.</summary>
public sealed record TrafficStats(int Count, int ServerErrors, TimeSpan P95Latency)
{
    public static readonly TrafficStats Empty = new(0, 0, TimeSpan.Zero);

    /// <summary>0 to 1; 0 when there were no requests.</summary>
    public double ErrorRate => Count == 0 ? 0 : (double)ServerErrors / Count;

    public static TrafficStats From(IReadOnlyCollection<RequestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Count == 0
            ? Empty
            : new TrafficStats(records.Count, records.Count(record => record.IsServerError), Percentiles.NearestRank(records.Select(record => record.Latency), 0.95));
    }
}
