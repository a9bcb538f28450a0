using Serverless.Runtime.Hosting;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Durable.History;
using Serverless.Runtime.Hosting.Management;

namespace Serverless.Runtime.Tests.Hosting.Management;

public sealed class AuthorizationAndErrorTests
{
    private const string Base = "runtime/webhooks/durabletask";

    public static TheoryData<string, string> EveryRoute => new()
    {
        { "POST", "orchestrators/Hello" },
        { "POST", "orchestrators/Hello/some-id" },
        { "GET", "instances" },
        { "GET", "instances/some-id" },
        { "POST", "instances/some-id/raiseEvent/Go" },
        { "POST", "instances/some-id/terminate" },
        { "POST", "instances/some-id/suspend" },
        { "POST", "instances/some-id/resume" },
        { "POST", "instances/some-id/rewind" },
        { "POST", "instances/some-id/restart" },
        { "DELETE", "instances/some-id" },
        { "DELETE", "instances?createdTimeFrom=2000-01-01T00:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Every_route_answers_401_when_the_registered_authorizer_refuses(string method, string path)
    {
        await using var host = await ManagementApiHost.StartAsync(services => services.AddSingleton<IManagementApiAuthorizer, RefuseAll>());

        using var response = await host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{Base}/{path}") { Content = ManagementApiHost.Json("1") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", ManagementApiHost.ContentType(response)?.MediaType);
        Assert.Empty(await host.Client.GetAllInstancesAsync().ToListAsync());
    }

    [Fact]
    public async Task The_system_key_authorizer_admits_the_key_as_code_or_header_and_refuses_anything_else()
    {
        await using var host = await ManagementApiHost.StartAsync(services => services
            .AddDurableTaskManagementApi(o => o.SystemKey = "s3cr3t-key")
            .AddSingleton(new FunctionKeys(masterKey: "m4ster-key", functionKey: "functi0n-key", systemKey: "s3cr3t-key"))
            .AddSingleton<IManagementApiAuthorizer, FunctionKeysManagementAuthorizer>());

        using var noKey = await host.Http.GetAsync($"{Base}/instances");
        using var wrongKey = await host.Http.GetAsync($"{Base}/instances?code=s3cr3t-kez");
        using var codeKey = await host.PostAsync($"{Base}/orchestrators/Hello?code=s3cr3t-key");
        using var headerRequest = new HttpRequestMessage(HttpMethod.Get, $"{Base}/instances");
        headerRequest.Headers.Add("x-functions-key", "s3cr3t-key");
        using var headerKey = await host.Http.SendAsync(headerRequest);
        using var masterKey = await host.Http.GetAsync($"{Base}/instances?code=m4ster-key");
        using var functionKey = await host.Http.GetAsync($"{Base}/instances?code=functi0n-key");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, codeKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headerKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, masterKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
        using var followLink = await host.Http.GetAsync((await ManagementApiHost.ReadJsonAsync(codeKey))!["statusQueryGetUri"]!.GetValue<string>());
        Assert.True(followLink.IsSuccessStatusCode, "a status link handed out by the API should work as given");
    }

    [Fact]
    public async Task Without_an_authorizer_the_API_is_open()
    {
        await using var host = await ManagementApiHost.StartAsync(services => services.AddDurableTaskManagementApi(o => o.SystemKey = "unused"));

        using var response = await host.Http.GetAsync($"{Base}/instances");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_generic_500_whose_details_are_only_logged()
    {
        await using var host = await ManagementApiHost.StartAsync(services => services.AddSingleton<DurableTaskClient>(new BrokenClient()));

        using var response = await host.Http.GetAsync($"{Base}/instances/some-id");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", ManagementApiHost.ContentType(response)?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("disk on fire", body);
        Assert.DoesNotContain("BrokenClient", body);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("disk on fire") && l.Contains("/instances/some-id"));
    }

    private sealed class RefuseAll : IManagementApiAuthorizer
    {
        public bool IsAuthorized(HttpRequest request) => false;
    }

    /// <summary>A client whose store has failed in a way no caller caused.</summary>
    private sealed class BrokenClient : DurableTaskClient
    {
        private static Exception Broken() => new IOException("disk on fire at /var/data/store.db");

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) => throw Broken();
        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<OrchestrationPage> GetInstancesPageAsync(OrchestrationQuery? query = null, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) => throw Broken();
        public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) => throw Broken();
        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) => throw Broken();
        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => throw Broken();
        public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default) => throw Broken();
    }
}
