using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class StartEndpointTests
{
    private const string Start = "runtime/webhooks/durabletask/orchestrators";

    private static readonly string[] CheckStatusKeys =
        ["id", "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "restartPostUri", "suspendPostUri", "resumePostUri"];

    private static Task<ManagementApiHost> HostWithKeyAsync() =>
        ManagementApiHost.StartAsync(services => services.AddDurableTaskManagementApi(o => o.SystemKey = "XXX"));

    [Fact]
    public async Task Start_answers_202_with_exactly_the_check_status_keys_and_links_shaped_like_the_published_example()
    {
        await using var host = await HostWithKeyAsync();

        using var response = await host.PostAsync($"{Start}/Hello");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", ManagementApiHost.ContentType(response)?.MediaType);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!.AsObject();
        Assert.Equal(CheckStatusKeys, body.Select(p => p.Key));
        var id = body["id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(body["statusQueryGetUri"]!.GetValue<string>(), response.Headers.Location?.ToString());
        Assert.Equal("10", ManagementApiHost.Header(response, "Retry-After"));

        var published = Corpus.HttpBodyPairs("check-status-response.202.http");
        var publishedId = published["id"];
        foreach (var key in CheckStatusKeys.Skip(1).Where(published.ContainsKey))
            Assert.Equal(Corpus.Shape(published[key], "https://{host}", publishedId), Corpus.Shape(body[key]!.GetValue<string>(), host.Origin, id));
        var publishedLocation = Corpus.Text("check-status-response.202.http").Split('\n').Single(l => l.StartsWith("Location:", StringComparison.Ordinal))["Location:".Length..].Trim();
        Assert.Equal(Corpus.Shape(publishedLocation, "https://{host}", publishedId), Corpus.Shape(response.Headers.Location!.ToString(), host.Origin, id));
    }

    [Fact]
    public async Task The_purge_link_matches_the_later_published_revision_even_though_that_example_is_not_valid_JSON()
    {
        await using var host = await HostWithKeyAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(Corpus.HttpBody("check-status-response.202.with-purge.MALFORMED.http")));
        var published = Corpus.HttpBodyPairs("check-status-response.202.with-purge.MALFORMED.http");

        using var response = await host.PostAsync($"{Start}/Hello");
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        var id = body["id"]!.GetValue<string>();

        Assert.Equal(
            Corpus.Shape(published["purgeHistoryDeleteUri"], "https://{host}", published["id"]),
            Corpus.Shape(body["purgeHistoryDeleteUri"]!.GetValue<string>(), host.Origin, id));
        Assert.Equal(
            $"{host.Origin}/runtime/webhooks/durabletask/instances/{id}/suspend?reason={{text}}&taskHub=DurableFunctionsHub&connection=Storage&code=XXX",
            body["suspendPostUri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Links_carry_no_code_when_no_system_key_is_configured_and_escape_the_instance_id()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Waiter/deploy%20prod%3A1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        Assert.Equal("deploy prod:1", body["id"]!.GetValue<string>());
        Assert.Equal($"{host.Origin}/runtime/webhooks/durabletask/instances/deploy%20prod%3A1?taskHub=DurableFunctionsHub&connection=Storage",
            body["statusQueryGetUri"]!.GetValue<string>());
        using var status = await host.Http.GetAsync(body["statusQueryGetUri"]!.GetValue<string>());
        Assert.Equal("deploy prod:1", (await ManagementApiHost.ReadJsonAsync(status))!["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_body_becomes_the_input_and_a_given_instance_id_is_used()
    {
        await using var host = await ManagementApiHost.StartAsync();

        var id = await host.StartAsync("Echo", """{"branch":"main","sha":"abc123"}""", "push-42");

        Assert.Equal("push-42", id);
        var done = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("""{"branch":"main","sha":"abc123"}""", done.SerializedInput);
        Assert.Equal("""{"branch":"main","sha":"abc123"}""", done.SerializedOutput);
    }

    [Fact]
    public async Task Forwarded_host_and_proto_set_the_links_origin_only_when_both_are_present()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var both = new HttpRequestMessage(HttpMethod.Post, $"{Start}/Hello");
        both.Headers.Add("X-Forwarded-Host", "ci.example.com");
        both.Headers.Add("X-Forwarded-Proto", "https");
        using var forwarded = await host.Http.SendAsync(both);
        using var onlyHost = new HttpRequestMessage(HttpMethod.Post, $"{Start}/Hello");
        onlyHost.Headers.Add("X-Forwarded-Host", "ci.example.com");
        using var notForwarded = await host.Http.SendAsync(onlyHost);

        Assert.StartsWith("https://ci.example.com/runtime/webhooks/durabletask/instances/", forwarded.Headers.Location!.ToString());
        Assert.StartsWith("https://ci.example.com/runtime/webhooks/durabletask/instances/", (await ManagementApiHost.ReadJsonAsync(forwarded))!["sendEventPostUri"]!.GetValue<string>());
        Assert.StartsWith($"{host.Origin}/runtime/webhooks/durabletask/instances/", notForwarded.Headers.Location!.ToString());
    }

    [Fact]
    public async Task With_a_timeout_the_start_waits_and_answers_200_with_the_output()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Hello?timeout=30&pollingInterval=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""["Hello Tokyo!","Hello Seattle!","Hello London!"]""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_timeout_that_passes_first_the_start_answers_202_check_status()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Waiter?timeout=0.2&pollingInterval=0.1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("10", ManagementApiHost.Header(response, "Retry-After"));
        Assert.NotNull((await ManagementApiHost.ReadJsonAsync(response))!["statusQueryGetUri"]);
    }

    [Fact]
    public async Task With_a_timeout_a_failed_instance_answers_with_its_status()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Fail?timeout=30&pollingInterval=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        Assert.Equal("Failed", body["runtimeStatus"]!.GetValue<string>());
        Assert.Contains("the deploy exploded", body["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_orchestrator_is_a_400_problem_naming_functionName()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/NoSuchPipeline", "{}");

        await Problems.AssertBadRequestAsync(response, "functionName", "NoSuchPipeline");
    }

    [Fact]
    public async Task Invalid_JSON_input_is_a_400_problem_naming_input_and_starts_nothing()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Echo/bad-json", "{\"branch\": ");

        await Problems.AssertBadRequestAsync(response, "input", "not valid JSON");
        Assert.Null(await host.Client.GetInstanceAsync("bad-json"));
    }

    [Fact]
    public async Task Input_over_the_payload_limit_is_a_400_problem_naming_input()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Echo/too-big", $"\"{new string('x', 100_000)}\"");

        await Problems.AssertBadRequestAsync(response, "input", "limit");
        Assert.Null(await host.Client.GetInstanceAsync("too-big"));
    }

    [Theory]
    [InlineData("@entity")]
    [InlineData("back%5Cslash")]
    public async Task An_invalid_instance_id_is_a_400_problem_naming_instanceId(string instanceId)
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var response = await host.PostAsync($"{Start}/Echo/{instanceId}");

        await Problems.AssertBadRequestAsync(response, "instanceId", "instance id");
    }

    [Fact]
    public async Task Invalid_wait_parameters_are_400_problems_naming_them()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var notANumber = await host.PostAsync($"{Start}/Hello?timeout=soon");
        using var longerPoll = await host.PostAsync($"{Start}/Hello?timeout=1&pollingInterval=5");

        await Problems.AssertBadRequestAsync(notANumber, "timeout", "soon");
        await Problems.AssertBadRequestAsync(longerPoll, "pollingInterval", "must not be longer than the timeout");
    }

    [Fact]
    public async Task Starting_an_id_that_is_still_running_is_409_but_a_finished_id_can_be_reused()
    {
        await using var host = await ManagementApiHost.StartAsync();
        await host.StartAsync("Waiter", "\"first\"", "deploy-prod");

        using var conflict = await host.PostAsync($"{Start}/Waiter/deploy-prod", "\"second\"");

        await Problems.AssertProblemAsync(conflict, HttpStatusCode.Conflict, "deploy-prod");
        await host.Client.RaiseEventAsync("deploy-prod", "Go", 1);
        await host.CompletionAsync("deploy-prod");
        Assert.Equal("deploy-prod", await host.StartAsync("Waiter", "\"third\"", "deploy-prod"));
    }

    [Fact]
    public async Task A_wrong_task_hub_or_connection_is_a_400_problem_and_our_own_names_are_accepted()
    {
        await using var host = await ManagementApiHost.StartAsync();

        using var otherHub = await host.PostAsync($"{Start}/Hello?taskHub=SomeoneElsesHub");
        using var otherConnection = await host.PostAsync($"{Start}/Hello?connection=Elsewhere");
        using var ours = await host.PostAsync($"{Start}/Hello?taskHub=durablefunctionshub&connection=Storage&code=ignored");

        await Problems.AssertBadRequestAsync(otherHub, "taskHub", "SomeoneElsesHub");
        await Problems.AssertBadRequestAsync(otherConnection, "connection", "Elsewhere");
        Assert.Equal(HttpStatusCode.Accepted, ours.StatusCode);
    }
}
