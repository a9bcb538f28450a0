namespace Serverless.Core.Integrations.Local.Routing;

/// <summary>A route table with its round-robin position; replaced whole when the table changes.</summary>
internal sealed class RouteSelector(RouteTable table)
{
    private readonly int[] _weights = table.Upstreams.Select(upstream => upstream.Weight).ToArray();
    private readonly int[] _current = new int[table.Upstreams.Count];
    private readonly Lock _gate = new();

    public RouteTable Table { get; } = table;

    public int NextPort()
    {
        if (_weights.Length == 1)
        {
            return Table.Upstreams[0].Port;
        }

        lock (_gate)
        {
            return Table.Upstreams[SmoothWeightedRoundRobin.Next(_current, _weights)].Port;
        }
    }
}
