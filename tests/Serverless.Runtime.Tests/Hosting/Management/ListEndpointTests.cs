using System.Net;
using System.Text.Json.Nodes;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class ListEndpointTests
{
    private const string Instances = "runtime/webhooks/durabletask/instances";
    private const string TokenHeader = "x-ms-continuation-token";

    private static async Task<(ManagementApiHost Host, List<string> Completed, List<string> Running)> HostWithInstancesAsync()
    {
        var host = await ManagementApiHost.StartAsync();
        var completed = new List<string>();
        var running = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            completed.Add(await host.StartAsync("Hello", instanceId: $"hello-{i}"));
            running.Add(await host.StartAsync("Waiter", $"\"w{i}\"", $"wait-{i}"));
        }
        foreach (var id in completed) await host.CompletionAsync(id);
        foreach (var id in running) await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Running);
        return (host, completed, running);
    }

    private static async Task<List<JsonObject>> ReadListAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ManagementApiHost.ReadJsonAsync(response))!.AsArray().Select(n => n!.AsObject()).ToList();
    }

    [Fact]
    public async Task Listing_returns_every_instance_as_status_objects_shaped_like_the_published_list()
    {
        var (host, completed, running) = await HostWithInstancesAsync();
        await using var _ = host;

        using var response = await host.Http.GetAsync(Instances);

        var items = await ReadListAsync(response);
        Assert.Equal(completed.Concat(running).Order(), items.Select(i => i["instanceId"]!.GetValue<string>()).Order());
        var publishedKeys = Corpus.Json("list-instances.json").AsArray().Select(n => n!.AsObject().Select(p => p.Key).ToHashSet()).First();
        Assert.All(items, item => Assert.Subset(item.Select(p => p.Key).ToHashSet(), publishedKeys));
        Assert.All(items, item => Assert.Equal(["name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime"], item.Select(p => p.Key)));
        var hello = items.First(i => i["instanceId"]!.GetValue<string>() == "hello-0");
        Assert.Equal("Completed", hello["runtimeStatus"]!.GetValue<string>());
        Assert.Equal(3, hello["output"]!.AsArray().Count);
        Assert.Equal("w0", items.First(i => i["instanceId"]!.GetValue<string>() == "wait-0")["input"]!.GetValue<string>());
        Assert.Equal("", ManagementApiHost.Header(response, TokenHeader));
    }

    [Fact]
    public async Task Filters_by_runtime_status_prefix_and_creation_time()
    {
        var (host, completed, running) = await HostWithInstancesAsync();
        await using var _ = host;

        using var byStatus = await host.Http.GetAsync($"{Instances}?runtimeStatus=Running,Failed");
        using var byPrefix = await host.Http.GetAsync($"{Instances}?instanceIdPrefix=hello-");
        using var future = await host.Http.GetAsync($"{Instances}?createdTimeFrom={DateTimeOffset.UtcNow.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}");
        using var past = await host.Http.GetAsync($"{Instances}?createdTimeFrom=2000-01-01T00:00:00Z&createdTimeTo={DateTimeOffset.UtcNow.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}&showInput=false");

        Assert.Equal(running.Order(), (await ReadListAsync(byStatus)).Select(i => i["instanceId"]!.GetValue<string>()).Order());
        Assert.Equal(completed.Order(), (await ReadListAsync(byPrefix)).Select(i => i["instanceId"]!.GetValue<string>()).Order());
        Assert.Empty(await ReadListAsync(future));
        var all = await ReadListAsync(past);
        Assert.Equal(6, all.Count);
        Assert.All(all, i => Assert.Null(i["input"]));
    }

    [Fact]
    public async Task Top_pages_through_with_the_continuation_token_header_which_is_empty_on_the_last_page()
    {
        var (host, completed, running) = await HostWithInstancesAsync();
        await using var _ = host;
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Instances}?top=4");
            if (token is not null) request.Headers.Add(TokenHeader, token);
            using var response = await host.Http.SendAsync(request);
            var page = await ReadListAsync(response);
            Assert.InRange(page.Count, 0, 4);
            seen.AddRange(page.Select(i => i["instanceId"]!.GetValue<string>()));
            token = ManagementApiHost.Header(response, TokenHeader);
            Assert.NotNull(token);
            pages++;
        } while (token != "");

        Assert.Equal(2, pages);
        Assert.Equal(completed.Concat(running).Order(), seen.Order());
    }

    [Theory]
    [InlineData("runtimeStatus=Runing", "runtimeStatus", "Runing")]
    [InlineData("top=0", "top", "0")]
    [InlineData("top=many", "top", "many")]
    [InlineData("createdTimeFrom=yesterday", "createdTimeFrom", "yesterday")]
    [InlineData("showInput=maybe", "showInput", "maybe")]
    public async Task Malformed_filters_are_400_problems_naming_the_parameter(string query, string field, string mentioned)
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.Http.GetAsync($"{Instances}?{query}");

        await Problems.AssertBadRequestAsync(response, field, mentioned);
    }

    [Fact]
    public async Task A_continuation_token_we_did_not_issue_is_a_400_problem_naming_the_header()
    {
        await using var host = await ManagementApiHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Instances);
        request.Headers.Add(TokenHeader, "not-a-token!");

        using var response = await host.Http.SendAsync(request);

        await Problems.AssertBadRequestAsync(response, TokenHeader, "continuation token");
    }
}
