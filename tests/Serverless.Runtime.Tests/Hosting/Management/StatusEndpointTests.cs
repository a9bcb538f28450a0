using System.Net;
using System.Text.Json.Nodes;
using Serverless.Runtime.Durable;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class StatusEndpointTests
{
    private const string Instances = "runtime/webhooks/durabletask/instances";
    private const string TimePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";

    private static readonly string[] StatusKeys =
        ["name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime"];

    [Fact]
    public async Task A_running_instance_is_202_with_its_own_uri_as_Location_and_Retry_After_5()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Waiter", "\"build-7\"");
        await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Running);

        using var response = await host.Http.GetAsync($"{Instances}/{id}?showInput=true");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"{host.Origin}/{Instances}/{id}?showInput=true", response.Headers.Location?.ToString());
        Assert.Equal("5", ManagementApiHost.Header(response, "Retry-After"));
        var body = (await ManagementApiHost.ReadJsonAsync(response))!.AsObject();
        Assert.Equal(StatusKeys, body.Select(p => p.Key));
        Assert.Equal("Waiter", body["name"]!.GetValue<string>());
        Assert.Equal("Running", body["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("build-7", body["input"]!.GetValue<string>());
        Assert.Null(body["output"]);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task Pending_and_suspended_instances_are_202_too(OrchestrationRuntimeStatus status)
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = status == OrchestrationRuntimeStatus.Pending
            ? await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", null, new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddHours(1)))
            : await host.StartAsync("Waiter");
        if (status == OrchestrationRuntimeStatus.Suspended)
        {
            await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Running);
            await host.Client.SuspendInstanceAsync(id, "freeze");
            await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Suspended);
        }

        using var response = await host.Http.GetAsync($"{Instances}/{id}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(status.ToString(), (await ManagementApiHost.ReadJsonAsync(response))!["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("5", ManagementApiHost.Header(response, "Retry-After"));
    }

    [Fact]
    public async Task A_completed_instance_is_200_with_JSON_output_custom_status_and_second_precision_times()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");
        await host.CompletionAsync(id);

        using var response = await host.Http.GetAsync($"{Instances}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!.AsObject();
        var published = Corpus.Json("status-with-history.completed.json").AsObject();
        Assert.Equal(StatusKeys, body.Select(p => p.Key));
        Assert.Subset(body.Select(p => p.Key).ToHashSet(), published.Select(p => p.Key).Where(k => k != "historyEvents").ToHashSet());
        Assert.True(JsonNode.DeepEquals(published["output"], body["output"]));
        Assert.True(JsonNode.DeepEquals(published["customStatus"], body["customStatus"]));
        Assert.Null(body["input"]);
        Assert.Matches(TimePattern, body["createdTime"]!.GetValue<string>());
        Assert.Matches(TimePattern, body["lastUpdatedTime"]!.GetValue<string>());
        Assert.DoesNotContain("historyEvents", body.Select(p => p.Key));
    }

    [Fact]
    public async Task An_unknown_instance_is_404_with_no_body()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.Http.GetAsync($"{Instances}/nobody-home");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_failed_instance_is_200_unless_returnInternalServerErrorOnFailure_asks_for_500()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Fail");
        await host.CompletionAsync(id);

        using var plain = await host.Http.GetAsync($"{Instances}/{id}");
        using var asked = await host.Http.GetAsync($"{Instances}/{id}?returnInternalServerErrorOnFailure=true");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, asked.StatusCode);
        var body = (await ManagementApiHost.ReadJsonAsync(asked))!;
        Assert.Equal("Failed", body["runtimeStatus"]!.GetValue<string>());
        Assert.Contains("the deploy exploded", body["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_terminated_instance_is_200_with_the_reason_as_output()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Waiter");
        await host.UntilStatusAsync(id, OrchestrationRuntimeStatus.Running);
        await host.Client.TerminateInstanceAsync(id, "superseded");
        await host.CompletionAsync(id);

        using var response = await host.Http.GetAsync($"{Instances}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        Assert.Equal("Terminated", body["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("superseded", body["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_has_the_published_shape_with_task_scheduled_rows_merged_into_their_completions()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");
        await host.CompletionAsync(id);

        using var response = await host.Http.GetAsync($"{Instances}/{id}?showHistory=true&showHistoryOutput=true");

        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        var published = Corpus.Json("status-with-history.completed.json");
        var rows = body["historyEvents"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var publishedRows = published["historyEvents"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(publishedRows.Select(r => r["EventType"]!.GetValue<string>()), rows.Select(r => r["EventType"]!.GetValue<string>()));
        for (var i = 0; i < rows.Count; i++)
        {
            var extra = rows[i].Select(p => p.Key).Except(publishedRows[i].Select(p => p.Key)).ToList();
            Assert.True(extra.SequenceEqual(rows[i]["EventType"]!.GetValue<string>() == "TaskCompleted" ? ["Input"] : []), $"row {i} has extra keys {string.Join(",", extra)}");
            Assert.Empty(publishedRows[i].Select(p => p.Key).Except(rows[i].Select(p => p.Key)));
        }

        Assert.Equal("Hello", rows[0]["FunctionName"]!.GetValue<string>());
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], rows.Skip(1).Take(3).Select(r => r["Result"]!.GetValue<string>()));
        Assert.All(rows.Skip(1).Take(3), r => Assert.Equal("SayHello", r["FunctionName"]!.GetValue<string>()));
        Assert.Equal(ManagementApiHost.Cities, rows.Skip(1).Take(3).Select(r => r["Input"]!.GetValue<string>()));
        Assert.All(rows.Skip(1).Take(3), r => Assert.True(
            DateTimeOffset.Parse(r["ScheduledTime"]!.GetValue<string>()) <= DateTimeOffset.Parse(r["Timestamp"]!.GetValue<string>())));
        Assert.Equal("Completed", rows[^1]["OrchestrationStatus"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(published["historyEvents"]![4]!["Result"], rows[^1]["Result"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$", r["Timestamp"]!.GetValue<string>()));
    }

    [Fact]
    public async Task History_results_need_showHistoryOutput_and_inputs_can_be_hidden_with_showInput_false()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Echo", """{"secret":"not for dashboards"}""");
        await host.CompletionAsync(id);
        var helloId = await host.StartAsync("Hello");
        await host.CompletionAsync(helloId);

        using var noOutput = await host.Http.GetAsync($"{Instances}/{helloId}?showHistory=true");
        using var noInput = await host.Http.GetAsync($"{Instances}/{helloId}?showHistory=true&showHistoryOutput=true&showInput=false");
        using var echoNoInput = await host.Http.GetAsync($"{Instances}/{id}?showInput=false");

        var withoutOutput = (await ManagementApiHost.ReadJsonAsync(noOutput))!["historyEvents"]!.AsArray();
        Assert.All(withoutOutput, r => Assert.Null(r!["Result"]));
        Assert.Contains(withoutOutput, r => r!["Input"] is not null);
        var withoutInput = (await ManagementApiHost.ReadJsonAsync(noInput))!["historyEvents"]!.AsArray();
        Assert.All(withoutInput, r => Assert.False(r!.AsObject().ContainsKey("Input")));
        Assert.Contains(withoutInput, r => r!["Result"] is not null);
        var echo = (await ManagementApiHost.ReadJsonAsync(echoNoInput))!.AsObject();
        Assert.True(echo.ContainsKey("input"));
        Assert.Null(echo["input"]);
    }

    [Fact]
    public async Task Sub_orchestration_rows_are_merged_with_their_creation()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Parent");
        await host.CompletionAsync(id);

        using var response = await host.Http.GetAsync($"{Instances}/{id}?showHistory=true&showHistoryOutput=true");

        var rows = (await ManagementApiHost.ReadJsonAsync(response))!["historyEvents"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["ExecutionStarted", "SubOrchestrationInstanceCompleted", "ExecutionCompleted"], rows.Select(r => r["EventType"]!.GetValue<string>()));
        var sub = rows[1];
        Assert.Equal("Hello", sub["FunctionName"]!.GetValue<string>());
        Assert.NotNull(sub["ScheduledTime"]);
        Assert.Equal(3, sub["Result"]!.AsArray().Count);
        var childId = sub["InstanceId"]!.GetValue<string>();
        using var child = await host.Http.GetAsync($"{Instances}/{Uri.EscapeDataString(childId)}");
        Assert.Equal(HttpStatusCode.OK, child.StatusCode);
    }

    [Fact]
    public async Task A_failed_activity_row_names_the_function_and_the_failure()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Fail");
        await host.CompletionAsync(id);

        using var response = await host.Http.GetAsync($"{Instances}/{id}?showHistory=true");

        var rows = (await ManagementApiHost.ReadJsonAsync(response))!["historyEvents"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var failed = Assert.Single(rows, r => r["EventType"]!.GetValue<string>() == "TaskFailed");
        Assert.Equal("Boom", failed["FunctionName"]!.GetValue<string>());
        Assert.Contains("the deploy exploded", failed["Reason"]!.GetValue<string>());
        Assert.Equal("Failed", rows[^1]["OrchestrationStatus"]!.GetValue<string>());
        Assert.DoesNotContain(rows, r => r["EventType"]!.GetValue<string>() is "TaskScheduled" or "OrchestratorStarted" or "OrchestratorCompleted");
    }

    [Fact]
    public async Task A_malformed_flag_is_a_400_problem_naming_it()
    {
        await using var host = await ManagementApiHost.StartAsync();
        var id = await host.StartAsync("Hello");

        using var response = await host.Http.GetAsync($"{Instances}/{id}?showHistory=yes");

        await Problems.AssertBadRequestAsync(response, "showHistory", "yes");
    }
}
