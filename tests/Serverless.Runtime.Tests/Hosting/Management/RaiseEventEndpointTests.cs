using System.Net;
using System.Text;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class RaiseEventEndpointTests
{
    private static string RaiseEvent(string id, string name = "Go") => $"runtime/webhooks/durabletask/instances/{id}/raiseEvent/{name}";

    [Fact]
    public async Task The_published_raise_event_request_is_accepted_and_delivered_to_the_waiting_instance()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Waiter", "\"counter\"");
        var published = Corpus.Text("raise-event-request.http");
        var publishedBody = published[(published.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].Trim();

        using var response = await host.Http.PostAsync(RaiseEvent(id) + "?taskHub=DurableFunctionsHub&connection=Storage&code=XXX", ManagementApiHost.Json(publishedBody));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("counter:\"incr\"", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Pending_and_suspended_instances_accept_events()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var pending = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "p", new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddHours(1)));
        var suspended = await host.StartAsync("Waiter", "\"s\"");
        await host.UntilStatusAsync(suspended, OrchestrationRuntimeStatus.Running);
        await host.Client.SuspendInstanceAsync(suspended);
        await host.UntilStatusAsync(suspended, OrchestrationRuntimeStatus.Suspended);

        using var toPending = await host.PostAsync(RaiseEvent(pending), "1");
        using var toSuspended = await host.PostAsync(RaiseEvent(suspended), """{"approved":true}""");

        Assert.Equal(HttpStatusCode.Accepted, toPending.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, toSuspended.StatusCode);
        await host.Client.ResumeInstanceAsync(suspended);
        Assert.Equal("""s:{"approved":true}""", (await host.CompletionAsync(suspended)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_unknown_instance_is_404()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync(RaiseEvent("nobody-home"), "1");

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound, "nobody-home");
    }

    [Fact]
    public async Task A_finished_instance_is_410_Gone()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");
        await host.CompletionAsync(id);

        using var response = await host.PostAsync(RaiseEvent(id), "1");

        await Problems.AssertProblemAsync(response, HttpStatusCode.Gone, "Completed");
    }

    [Fact]
    public async Task A_body_that_is_not_sent_as_application_json_is_a_400_problem_naming_Content_Type()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Waiter");

        using var text = await host.Http.PostAsync(RaiseEvent(id), new StringContent("approve", Encoding.UTF8, "text/plain"));
        using var none = await host.Http.PostAsync(RaiseEvent(id), new ByteArrayContent("1"u8.ToArray()));

        await Problems.AssertBadRequestAsync(text, "Content-Type", "text/plain");
        await Problems.AssertBadRequestAsync(none, "Content-Type", "application/json");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task Invalid_JSON_is_a_400_problem_and_the_instance_keeps_waiting()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Waiter");

        using var response = await host.PostAsync(RaiseEvent(id), "{approved: yes");

        await Problems.AssertBadRequestAsync(response, "body", "not valid JSON");
        using var valid = await host.PostAsync(RaiseEvent(id), "true");
        Assert.Equal(":true", (await host.CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Event_data_over_the_payload_limit_is_a_400_problem_naming_body()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Waiter");

        using var response = await host.PostAsync(RaiseEvent(id), $"\"{new string('x', 100_000)}\"");

        await Problems.AssertBadRequestAsync(response, "body", "limit");
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }
}
