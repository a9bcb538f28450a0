using Serverless.Core.Integrations.Local.Routing;

namespace Serverless.Core.Tests.Local;

public sealed class RoutingMathTests
{
    public static TheoryData<int[], string> Sequences => new()
    {
        { [1, 1, 3], "cacbc" },
        { [5, 1, 1], "aabacaa" },
        { [1, 1], "abab" },
        { [0, 1], "bbb" },
        { [2, 0, 1], "acaaca" },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Smooth_weighted_round_robin_interleaves_deterministically(int[] weights, string expected)
    {
        var current = new int[weights.Length];

        var picks = string.Concat(Enumerable.Range(0, expected.Length).Select(_ => (char)('a' + SmoothWeightedRoundRobin.Next(current, weights))));

        Assert.Equal(expected, picks);
    }

    [Theory]
    [InlineData(10, 90)]
    [InlineData(50, 50)]
    [InlineData(1, 99)]
    [InlineData(33, 67)]
    public void Every_cycle_of_a_hundred_gives_each_upstream_exactly_its_percentage(int canary, int stable)
    {
        var current = new int[2];
        var counts = new int[2];

        for (var i = 0; i < 300; i++)
        {
            counts[SmoothWeightedRoundRobin.Next(current, [canary, stable])]++;
        }

        Assert.Equal([canary * 3, stable * 3], counts);
    }

    [Theory]
    [InlineData(new long[] { }, 0)]
    [InlineData(new long[] { 7 }, 7)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, 19)]
    [InlineData(new long[] { 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 100 }, 20)]
    [InlineData(new long[] { 5, 5, 5, 500 }, 500)]
    public void P95_is_the_nearest_rank(long[] milliseconds, long expected) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expected), Percentiles.NearestRank(milliseconds.Select(ms => TimeSpan.FromMilliseconds(ms)), 0.95));

    [Fact]
    public void Traffic_stats_count_server_errors_only()
    {
        var at = DateTimeOffset.UnixEpoch;
        var records = new[] { 200, 201, 404, 500, 502 }
            .Select(status => new RequestRecord(at, "svc", 5000, status, TimeSpan.FromMilliseconds(status)))
            .ToList();

        var stats = TrafficStats.From(records);

        Assert.Equal(5, stats.Count);
        Assert.Equal(2, stats.ServerErrors);
        Assert.Equal(0.4, stats.ErrorRate, 3);
        Assert.Equal(TimeSpan.FromMilliseconds(502), stats.P95Latency);
        Assert.Equal(0, TrafficStats.From([]).ErrorRate);
    }

    [Fact]
    public void The_request_log_keeps_the_most_recent_records_oldest_first()
    {
        var log = new RequestLog(capacity: 3);
        var start = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 5; i++)
        {
            log.Add(new RequestRecord(start.AddSeconds(i), "svc", 5000, 200 + i, TimeSpan.Zero));
        }

        Assert.Equal([202, 203, 204], log.Since(start).Select(r => r.StatusCode));
        Assert.Equal([204], log.Since(start.AddSeconds(4)).Select(r => r.StatusCode));
    }

    [Fact]
    public void Route_tables_are_validated()
    {
        Assert.True(RouteTable.Single(8080).IsSingle);
        Assert.False(RouteTable.Weighted((8080, 90), (8081, 10)).IsSingle);
        Assert.True(RouteTable.Weighted((8080, 0), (8081, 100)).IsSingle);
        Assert.Equal("8080×90, 8081×10", RouteTable.Weighted((8080, 90), (8081, 10)).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => RouteTable.Single(0));
        Assert.Throws<ArgumentException>(() => RouteTable.Weighted());
        Assert.Throws<ArgumentException>(() => RouteTable.Weighted((8080, 0), (8081, 0)));
        Assert.Throws<ArgumentException>(() => RouteTable.Weighted((8080, -1), (8081, 10)));
        Assert.Throws<ArgumentException>(() => RouteTable.Weighted((8080, 1), (8080, 10)));
    }
}
