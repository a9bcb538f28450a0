using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Tests.Hosting.Management;

/// <summary>An HTTP-trigger starter function answers exactly as the management API's start endpoint does.</summary>
public sealed class CheckStatusResponseTests
{
    private static Task<ManagementApiHost> HostWithStarterAsync() => ManagementApiHost.StartAsync(
        services => services.AddDurableTaskManagementApi(o => { o.HubName = "PipelinesHub"; o.SystemKey = "k3y"; }),
        app =>
        {
            app.MapPost("/api/pipelines/{repo}", async (string repo, HttpRequest request, [FromServices] DurableTaskClient client) =>
            {
                var id = await client.ScheduleNewOrchestrationInstanceAsync("Echo", repo);
                return client.CreateCheckStatusResponse(request, id);
            });
            app.MapGet("/api/links/{id}", (string id, HttpRequest request, [FromServices] DurableTaskClient client) =>
                TypedResults.Ok(client.CreateHttpManagementPayload(request, id)));
        });

    [Fact]
    public async Task A_starter_function_returns_the_same_202_check_status_response_as_the_start_endpoint()
    {
        await using var host = await HostWithStarterAsync();

        using var fromStarter = await host.PostAsync("api/pipelines/incident-assistant");
        using var fromApi = await host.PostAsync("runtime/webhooks/durabletask/orchestrators/Echo");

        Assert.Equal(HttpStatusCode.Accepted, fromStarter.StatusCode);
        Assert.Equal("10", ManagementApiHost.Header(fromStarter, "Retry-After"));
        var starter = (await ManagementApiHost.ReadJsonAsync(fromStarter))!.AsObject();
        var api = (await ManagementApiHost.ReadJsonAsync(fromApi))!.AsObject();
        Assert.Equal(api.Select(p => p.Key), starter.Select(p => p.Key));
        var starterId = starter["id"]!.GetValue<string>();
        var apiId = api["id"]!.GetValue<string>();
        foreach (var (key, value) in api.Where(p => p.Key != "id"))
            Assert.Equal(value!.GetValue<string>().Replace(apiId, "{id}"), starter[key]!.GetValue<string>().Replace(starterId, "{id}"));
        Assert.Equal(starter["statusQueryGetUri"]!.GetValue<string>(), fromStarter.Headers.Location?.ToString());
        Assert.Contains("taskHub=PipelinesHub&connection=Storage&code=k3y", starter["statusQueryGetUri"]!.GetValue<string>());
        Assert.Equal("incident-assistant", (await host.CompletionAsync(starterId)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task The_payload_object_holds_the_same_links()
    {
        await using var host = await HostWithStarterAsync();

        using var response = await host.Http.GetAsync("api/links/abc");

        var body = (await ManagementApiHost.ReadJsonAsync(response))!;
        Assert.Equal("abc", body["id"]!.GetValue<string>());
        Assert.Equal($"{host.Origin}/runtime/webhooks/durabletask/instances/abc/raiseEvent/{{eventName}}?taskHub=PipelinesHub&connection=Storage&code=k3y",
            body["sendEventPostUri"]!.GetValue<string>());
        Assert.Equal($"{host.Origin}/runtime/webhooks/durabletask/instances/abc/terminate?reason={{text}}&taskHub=PipelinesHub&connection=Storage&code=k3y",
            body["terminatePostUri"]!.GetValue<string>());
    }
}
