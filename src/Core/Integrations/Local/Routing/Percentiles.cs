namespace Serverless.Core.Integrations.Local.Routing;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    public static TimeSpan NearestRank(IEnumerable<TimeSpan> values, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
