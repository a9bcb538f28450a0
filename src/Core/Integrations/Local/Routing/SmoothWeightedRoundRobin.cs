namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>
/// nginx's smooth weighted round-robin: deterministic, exact over every cycle of sum(weights) picks, and
/// interleaved (weights 1:1:3 give c, b, c, a, c rather than c, c, c, a, b).
/// </summary>
internal static class SmoothWeightedRoundRobin
{
    /// <summary>Picks the next index and advances <paramref name="current"/>, which starts as zeros and lives with the weights.</summary>
    public static int Next(int[] current, IReadOnlyList<int> weights)
    {
        var total = 0;
        var best = -1;
        for (var i = 0; i < weights.Count; i++)
        {
            current[i] += weights[i];
            total += weights[i];
            if (weights[i] > 0 && (best < 0 || current[i] > current[best]))
            {
                best = i;
            }
        }

        current[best] -= total;
        return best;
    }
}
