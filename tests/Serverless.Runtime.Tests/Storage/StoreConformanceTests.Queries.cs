using Serverless.Runtime.Durable;
using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Storage;

public abstract partial class StoreConformanceTests
{
    private static List<string> Ids(InstancePage page) => [.. page.Instances.Select(i => i.InstanceId)];

    [Fact]
    public async Task Query_filters_by_status()
    {
        await FinishAsync("done");
        await FinishAsync("failed", OrchestrationRuntimeStatus.Failed);
        await StartRunningAsync("running");
        await Store.CreateInstanceAsync(NewInstance("pending"));

        var page = await Store.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Pending] });

        Assert.Equal(["done", "pending"], Ids(page).Order(StringComparer.Ordinal));
        Assert.Null(page.ContinuationToken);
        Assert.Equal(4, (await Store.QueryInstancesAsync(new InstanceQuery())).Instances.Count);
    }

    [Fact]
    public async Task Query_filters_by_inclusive_creation_range_and_orders_by_creation()
    {
        var times = new List<DateTimeOffset>();
        foreach (var id in new[] { "t0", "t1", "t2", "t3" })
        {
            times.Add(Now);
            await Store.CreateInstanceAsync(NewInstance(id));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await Store.QueryInstancesAsync(new InstanceQuery { CreatedFrom = times[1], CreatedTo = times[2] });
        Assert.Equal(["t1", "t2"], Ids(page));
        Assert.Equal(["t3"], Ids(await Store.QueryInstancesAsync(new InstanceQuery { CreatedFrom = times[3] })));
        Assert.Equal(["t0"], Ids(await Store.QueryInstancesAsync(new InstanceQuery { CreatedTo = times[0] })));
    }

    [Fact]
    public async Task Query_filters_by_instance_id_prefix()
    {
        await CreateAsync("deploy-1", "deploy-2", "Deploy-3", "build-1", "xdeploy-1");

        var page = await Store.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "deploy-" });

        Assert.Equal(["deploy-1", "deploy-2"], Ids(page));
    }

    [Fact]
    public async Task Query_treats_like_wildcards_in_the_prefix_literally()
    {
        await CreateAsync("a%b", "axb", "a_c", "abc");

        Assert.Equal(["a%b"], Ids(await Store.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "a%" })));
        Assert.Equal(["a_c"], Ids(await Store.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "a_" })));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_pages_through_every_instance_once_in_order(bool newestFirst)
    {
        var expected = new List<string>();
        for (var minute = 0; minute < 6; minute++)
        {
            foreach (var suffix in new[] { "c", "a", "b", "d" })
            {
                var id = $"m{minute}-{suffix}";
                await Store.CreateInstanceAsync(NewInstance(id));
            }
            expected.AddRange(new[] { "a", "b", "c", "d" }.Select(s => $"m{minute}-{s}"));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryInstancesAsync(new InstanceQuery { PageSize = 5, ContinuationToken = token, NewestFirst = newestFirst });
            Assert.True(page.Instances.Count <= 5);
            seen.AddRange(Ids(page));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        if (newestFirst) expected.Reverse();
        Assert.Equal(expected, seen);
        Assert.InRange(pages, 5, 6);
    }

    [Fact]
    public async Task Query_filters_by_orchestration_name_exactly_newest_first_across_pages()
    {
        foreach (var (id, name) in new[] { ("r1", "Run"), ("g1", "Gate"), ("r2", "Run"), ("x1", "run"), ("r3", "Run"), ("d1", "Deploy"), ("r4", "Run") })
        {
            var instance = NewInstance(id);
            await Store.CreateInstanceAsync(instance with { Instance = instance.Instance with { Name = name } });
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await Store.QueryInstancesAsync(new InstanceQuery { Names = ["Run"], PageSize = 3, NewestFirst = true });
        var second = await Store.QueryInstancesAsync(new InstanceQuery { Names = ["Run"], PageSize = 3, NewestFirst = true, ContinuationToken = first.ContinuationToken });

        Assert.Equal(["r4", "r3", "r2"], Ids(first));
        Assert.Equal(["r1"], Ids(second));
        Assert.Null(second.ContinuationToken);
        Assert.Equal(["d1", "g1"], Ids(await Store.QueryInstancesAsync(new InstanceQuery { Names = ["Gate", "Deploy", "Gate"] })).Order(StringComparer.Ordinal));
        Assert.Equal(7, (await Store.QueryInstancesAsync(new InstanceQuery { Names = [] })).Instances.Count);
    }

    [Fact]
    public async Task Query_pages_apply_the_filter_on_every_page()
    {
        await CreateAsync("x1", "y1", "x2", "y2", "x3", "y3");

        var first = await Store.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "x", PageSize = 2 });
        var second = await Store.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "x", PageSize = 2, ContinuationToken = first.ContinuationToken });

        Assert.Equal(["x1", "x2"], Ids(first));
        Assert.Equal(["x3"], Ids(second));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task Query_without_inputs_and_outputs_leaves_them_null()
    {
        await Store.CreateInstanceAsync(NewInstance("i1", input: "\"big\""));
        var item = await LockOneAsync();
        await Store.CompleteOrchestrationWorkItemAsync(item, Step(item, OrchestrationRuntimeStatus.Failed) with
        {
            Instance = item.Instance with
            {
                Status = OrchestrationRuntimeStatus.Failed,
                Output = "\"out\"",
                CustomStatus = "\"custom\"",
                FailureDetails = new TaskFailureDetails("E", "m"),
                CompletedAt = Now,
            },
        });

        var full = Assert.Single((await Store.QueryInstancesAsync(new InstanceQuery())).Instances);
        var slim = Assert.Single((await Store.QueryInstancesAsync(new InstanceQuery { FetchInputsAndOutputs = false })).Instances);

        Assert.Equal(await Store.GetInstanceAsync("i1"), full);
        Assert.Equal(full with { Input = null, Output = null }, slim);
        Assert.NotNull(slim.CustomStatus);
    }
}
