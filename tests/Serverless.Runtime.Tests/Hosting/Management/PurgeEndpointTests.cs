using System.Net;
using System.Text.Json.Nodes;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class PurgeEndpointTests
{
    private const string Instances = "runtime/webhooks/durabletask/instances";

    [Fact]
    public async Task Purging_a_finished_instance_is_200_with_the_published_body_and_it_is_gone()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");
        await host.CompletionAsync(id);

        using var response = await host.Http.DeleteAsync($"{Instances}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(Corpus.Json("purge-single.json"), await ManagementApiHost.ReadJsonAsync(response)));
        using var status = await host.Http.GetAsync($"{Instances}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task Purging_an_unknown_instance_is_404_and_a_running_one_412()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var running = await host.StartAsync("Waiter");

        using var unknown = await host.Http.DeleteAsync($"{Instances}/nobody-home");
        using var notFinished = await host.Http.DeleteAsync($"{Instances}/{running}");

        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "nobody-home");
        await Problems.AssertProblemAsync(notFinished, HttpStatusCode.PreconditionFailed, running);
        Assert.NotNull(await host.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task Purging_by_filter_deletes_the_matching_finished_instances_and_answers_with_the_count()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var completed = new List<string>();
        for (var i = 0; i < 3; i++) completed.Add(await host.StartAsync("Hello"));
        var failed = await host.StartAsync("Fail");
        var running = await host.StartAsync("Waiter");
        foreach (var id in completed.Append(failed)) await host.CompletionAsync(id);

        using var onlyCompleted = await host.Http.DeleteAsync($"{Instances}?createdTimeFrom=2000-01-01T00:00:00Z&runtimeStatus=Completed");

        Assert.Equal(HttpStatusCode.OK, onlyCompleted.StatusCode);
        var body = (await ManagementApiHost.ReadJsonAsync(onlyCompleted))!.AsObject();
        Assert.Equal(Corpus.Json("purge-multiple.json").AsObject().Select(p => p.Key), body.Select(p => p.Key));
        Assert.Equal(3, body["instancesDeleted"]!.GetValue<int>());
        foreach (var id in completed) Assert.Null(await host.Client.GetInstanceAsync(id));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.Client.GetInstanceAsync(failed))!.RuntimeStatus);
        Assert.NotNull(await host.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task Purging_by_filter_without_createdTimeFrom_is_a_400_problem_and_deletes_nothing()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");
        await host.CompletionAsync(id);

        using var response = await host.Http.DeleteAsync($"{Instances}?runtimeStatus=Completed");

        await Problems.AssertBadRequestAsync(response, "createdTimeFrom", "required");
        Assert.NotNull(await host.Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task Purging_by_filter_when_nothing_matches_is_404()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");
        await host.CompletionAsync(id);

        using var response = await host.Http.DeleteAsync($"{Instances}?createdTimeFrom={DateTimeOffset.UtcNow.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}");

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound, "No finished instance");
        Assert.NotNull(await host.Client.GetInstanceAsync(id));
    }
}
