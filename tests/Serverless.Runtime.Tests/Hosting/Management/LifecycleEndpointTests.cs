using System.Net;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class LifecycleEndpointTests
{
    private static string Instance(string id) => $"runtime/webhooks/durabletask/instances/{id}";

    private static async Task<string> RunningWaiterAsync(ManagementApiHost host, string input = "\"a\"")
    {
        var id = await host.StartAsync("Waiter", input);
        await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Running);
        return id;
    }

    private static async Task<string> CompletedAsync(ManagementApiHost host, string name = "Hello")
    {
        var id = await host.StartAsync(name);
        await host.CompletionAsync(id);
        return id;
    }

    [Fact]
    public async Task Terminate_is_202_and_ends_the_instance_with_the_reason_as_output()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await RunningWaiterAsync(host);

        using var response = await host.PostAsync($"{Instance(id)}/terminate?reason=superseded%20by%20a%20newer%20push");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var done = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("superseded by a newer push", done.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task Commands_to_an_unknown_instance_are_404_and_to_a_finished_one_410(string command)
    {
        await using var host = await ManagementApiHost.StartAsync();
        var finished = await CompletedAsync(host);

        using var unknown = await host.PostAsync($"{Instance("nobody-home")}/{command}?reason=x");
        using var gone = await host.PostAsync($"{Instance(finished)}/{command}?reason=x");

        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "nobody-home");
        await Problems.AssertProblemAsync(gone, HttpStatusCode.Gone, "Completed");
    }

    [Fact]
    public async Task Suspend_and_resume_are_202_and_move_the_instance_with_their_reasons_in_history()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await RunningWaiterAsync(host);

        using var suspend = await host.PostAsync($"{Instance(id)}/suspend?reason=maintenance");
        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Suspended);
        using var resume = await host.PostAsync($"{Instance(id)}/resume?reason=done");
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Running);

        using var status = await host.Http.GetAsync($"{Instance(id)}?showHistory=true");
        var rows = (await ManagementApiHost.ReadJsonAsync(status))!["historyEvents"]!.AsArray();
        Assert.Contains(rows, r => r!["EventType"]!.GetValue<string>() == "ExecutionSuspended" && r["Reason"]!.GetValue<string>() == "maintenance");
        Assert.Contains(rows, r => r!["EventType"]!.GetValue<string>() == "ExecutionResumed" && r["Reason"]!.GetValue<string>() == "done");
    }

    [Fact]
    public async Task Rewind_is_404_for_unknown_412_unless_failed_and_501_because_our_stores_cannot_rewind()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var completed = await CompletedAsync(host);
        var failed = await CompletedAsync(host, "Fail");

        using var unknown = await host.PostAsync($"{Instance("nobody-home")}/rewind?reason=retry");
        using var notFailed = await host.PostAsync($"{Instance(completed)}/rewind?reason=retry");
        using var unsupported = await host.PostAsync($"{Instance(failed)}/rewind?reason=retry");

        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "nobody-home");
        await Problems.AssertProblemAsync(notFailed, HttpStatusCode.PreconditionFailed, "Completed");
        await Problems.AssertProblemAsync(unsupported, HttpStatusCode.NotImplemented, "restart");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.Client.GetInstanceAsync(failed))!.RuntimeStatus);
    }

    [Fact]
    public async Task Restart_is_202_with_a_check_status_body_for_a_new_instance_that_reruns_the_original_input()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Echo", """{"sha":"abc"}""");
        await host.CompletionAsync(id);

        using var response = await host.PostAsync($"{Instance(id)}/restart");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("10", ManagementApiHost.Header(response, "Retry-After"));
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        var newId = body["id"]!.GetValue<string>();
        Assert.NotEqual(id, newId);
        Assert.Matches("^[0-9a-f]{32}$", newId);
        Assert.Equal(body["statusQueryGetUri"]!.GetValue<string>(), response.Headers.Location?.ToString());
        Assert.Contains($"/instances/{newId}/restart?", body["restartPostUri"]!.GetValue<string>());
        Assert.Equal("""{"sha":"abc"}""", (await host.CompletionAsync(newId)).SerializedOutput);
    }

    [Fact]
    public async Task Restart_onto_the_same_id_reruns_a_finished_instance_but_is_409_while_it_still_runs()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var finished = await CompletedAsync(host);
        var running = await RunningWaiterAsync(host);

        using var sameId = await host.PostAsync($"{Instance(finished)}/restart?restartWithNewInstanceId=false");
        using var conflict = await host.PostAsync($"{Instance(running)}/restart?restartWithNewInstanceId=false");

        Assert.Equal(HttpStatusCode.Accepted, sameId.StatusCode);
        Assert.Equal(finished, (await ManagementApiHost.ReadJsonAsync(sameId))!["id"]!.GetValue<string>());
        await Problems.AssertProblemAsync(conflict, HttpStatusCode.Conflict, running);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.CompletionAsync(finished)).RuntimeStatus);
        Assert.Single((await host.Client.GetOrchestrationHistoryAsync(finished)).OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public async Task Restart_of_an_unknown_or_invalid_id_is_a_400_problem_naming_instanceId()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var unknown = await host.PostAsync($"{Instance("nobody-home")}/restart");
        using var invalid = await host.PostAsync($"{Instance("@entity")}/restart");
        using var badFlag = await host.PostAsync($"{Instance("nobody-home")}/restart?restartWithNewInstanceId=please");

        await Problems.AssertBadRequestAsync(unknown, "instanceId", "nobody-home");
        await Problems.AssertBadRequestAsync(invalid, "instanceId", "'@'");
        await Problems.AssertBadRequestAsync(badFlag, "restartWithNewInstanceId", "please");
    }

    [Fact]
    public async Task Restart_with_a_timeout_waits_and_answers_200_with_the_output()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await CompletedAsync(host);

        using var response = await host.PostAsync($"{Instance(id)}/restart?timeout=30&pollingInterval=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""["Hello Tokyo!","Hello Seattle!","Hello London!"]""", await response.Content.ReadAsStringAsync());
    }
}
