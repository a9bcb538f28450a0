using System.Globalization;

namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>An upstream on 127.0.0.1 and its share of the traffic.</summary>
public readonly record struct WeightedUpstream(int Port, int Weight);

/// <summary>
/// Where a service's traffic goes: all of it to one upstream (<see cref="Single"/>, the live slot of rolling and
/// blue-green), or split by weight (<see cref="Weighted"/>, canary). Immutable, so a router swaps a whole table in
/// one step and a request sees the old table or the new one, never a mix.
/// </summary>
public sealed class RouteTable
{
    private RouteTable(IReadOnlyList<WeightedUpstream> upstreams)
    {
        Upstreams = upstreams;
    }

    public IReadOnlyList<WeightedUpstream> Upstreams { get; }

    public bool IsSingle => Upstreams.Count(upstream => upstream.Weight > 0) == 1;

    public static RouteTable Single(int port)
    {
        CheckPort(port);
        return new RouteTable([new WeightedUpstream(port, 1)]);
    }

    /// <summary>Splits traffic in proportion to the weights (percentages or any non-negative numbers).</summary>
    /// <remarks>Requests are spread by smooth weighted round-robin, so over each cycle of sum(weights) requests every upstream gets exactly its weight.</remarks>
    public static RouteTable Weighted(params IEnumerable<(int Port, int Weight)> upstreams)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        var list = upstreams.Select(upstream => new WeightedUpstream(upstream.Port, upstream.Weight)).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A weighted route needs at least one upstream.", nameof(upstreams));
        }

        foreach (var upstream in list)
        {
            CheckPort(upstream.Port);
            if (upstream.Weight < 0)
            {
                throw new ArgumentException($"The weight of port {upstream.Port} must not be negative (was {upstream.Weight}).", nameof(upstreams));
            }
        }

        if (list.Select(upstream => upstream.Port).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("A weighted route names a port more than once.", nameof(upstreams));
        }

        if (list.Sum(upstream => (long)upstream.Weight) is 0 or > int.MaxValue)
        {
            throw new ArgumentException("The weights of a route must add up to more than zero (and fit an int).", nameof(upstreams));
        }

        return new RouteTable(list);
    }

    public override string ToString() => IsSingle
        ? Upstreams.First(upstream => upstream.Weight > 0).Port.ToString(CultureInfo.InvariantCulture)
        : string.Join(", ", Upstreams.Select(upstream => string.Create(CultureInfo.InvariantCulture, $"{upstream.Port}×{upstream.Weight}")));

    private static void CheckPort(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 1 and 65535.");
        }
    }
}
