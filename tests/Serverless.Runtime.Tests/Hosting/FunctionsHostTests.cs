using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Runtime.Durable;
using Serverless.Runtime.Hosting;

namespace Serverless.Runtime.Tests.Hosting;

public sealed class FunctionsHostTests
{
    [Fact]
    public async Task Http_functions_bind_route_values_and_need_a_key_unless_anonymous()
    {
        await using var host = await FunctionsHostFixture.StartAsync();

        using var noKey = await host.Http.GetAsync("/api/echo/ab/3");
        using var wrongKey = await host.Http.GetAsync("/api/echo/ab/3?code=nope");
        using var withCode = await host.Http.GetAsync($"/api/echo/ab/3?code={host.Keys.FunctionKey}");
        using var headerRequest = new HttpRequestMessage(HttpMethod.Get, "/api/echo/ab/2");
        headerRequest.Headers.Add("x-functions-key", host.Keys.MasterKey);
        using var withHeader = await host.Http.SendAsync(headerRequest);
        using var open = await host.Http.GetAsync("/api/Open");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Contains("needs a key", (await noKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("The key sent is not valid for this function.", (await wrongKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("ababab", (await withCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
        Assert.Equal("abab", (await withHeader.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
        Assert.Equal("open to all", await open.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_functions_accept_only_the_master_key()
    {
        await using var host = await FunctionsHostFixture.StartAsync();

        using var functionKey = await host.Http.PostAsync($"/api/admin/reset?code={host.Keys.FunctionKey}", null);
        using var masterKey = await host.Http.PostAsync($"/api/admin/reset?code={host.Keys.MasterKey}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
        Assert.Contains("needs the master key", (await functionKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, masterKey.StatusCode);
    }

    [Fact]
    public async Task A_disabled_http_function_answers_404_to_every_key_but_the_master_key()
    {
        await using var host = await FunctionsHostFixture.StartAsync(null, "--AzureWebJobs.Echo.Disabled", "true", "--AzureWebJobs:Open:Disabled", "1");

        using var functionKey = await host.Http.GetAsync($"/api/echo/ab/2?code={host.Keys.FunctionKey}");
        using var noKey = await host.Http.GetAsync("/api/Open");
        using var masterKey = await host.Http.GetAsync($"/api/echo/ab/2?code={host.Keys.MasterKey}");
        using var stillEnabled = await host.Http.GetAsync($"/api/whoami?code={host.Keys.FunctionKey}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (functionKey.StatusCode, noKey.StatusCode));
        Assert.Equal("application/problem+json", functionKey.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Echo", await functionKey.Content.ReadAsStringAsync());
        Assert.Equal("abab", (await masterKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, stillEnabled.StatusCode);
    }

    [Fact]
    public async Task An_admins_personal_key_still_calls_a_disabled_function_and_another_persons_does_not()
    {
        await using var host = await FunctionsHostFixture.StartAsync(null, "--AzureWebJobs.Echo.Disabled", "true",
            "--PIPELINES_USERS", "alice=alice-personal-key-0123456789,bob=bob-personal-key-0123456789ab", "--PIPELINES_ADMINS", "bob");

        using var bob = await host.Http.GetAsync("/api/echo/ab/2?code=bob-personal-key-0123456789ab");
        using var alice = await host.Http.GetAsync("/api/echo/ab/2?code=alice-personal-key-0123456789");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (bob.StatusCode, alice.StatusCode));
    }

    [Fact]
    public async Task A_disabled_setting_that_is_not_a_boolean_stops_the_host_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FunctionsHostFixture.StartAsync(null, "--AzureWebJobs.Echo.Disabled", "off"));

        Assert.Equal("AzureWebJobs.Echo.Disabled: 'off' is not true, false, 1 or 0.", error.Message);
    }

    [Fact]
    public async Task Without_users_the_name_sent_is_passed_on_as_sent()
    {
        await using var host = await FunctionsHostFixture.StartAsync();

        Assert.Equal("mallory", await WhoAmIAsync(host, host.Keys.FunctionKey, "mallory"));
    }

    [Fact]
    public async Task With_users_a_personal_key_names_its_holder_and_a_name_sent_by_the_caller_is_dropped()
    {
        await using var host = await FunctionsHostFixture.StartAsync(null, "--PIPELINES_USERS", "alice=alice-personal-key-0123456789,bob", "--PIPELINES_ADMINS", "bob");
        var bobKey = host.Keys.Users.KeysByName["bob"];

        Assert.Equal("alice", await WhoAmIAsync(host, "alice-personal-key-0123456789", "mallory"));
        Assert.Equal("bob", await WhoAmIAsync(host, bobKey, null));
        Assert.Equal("(nobody)", await WhoAmIAsync(host, host.Keys.FunctionKey, "alice"));
        Assert.Equal("(nobody)", await WhoAmIAsync(host, host.Keys.MasterKey, "alice"));
        using var aliceAdmin = await host.Http.PostAsync("/api/admin/reset?code=alice-personal-key-0123456789", null);
        using var bobAdmin = await host.Http.PostAsync($"/api/admin/reset?code={bobKey}", null);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NoContent), (aliceAdmin.StatusCode, bobAdmin.StatusCode));
    }

    [Fact]
    public async Task Management_links_handed_to_an_admin_with_a_personal_key_carry_that_key_not_the_system_key()
    {
        await using var host = await FunctionsHostFixture.StartAsync(null, "--PIPELINES_USERS", "bob=bob-personal-key-0123456789ab", "--PIPELINES_ADMINS", "bob");

        using var byBob = await host.Http.PostAsync("/runtime/webhooks/durabletask/orchestrators/GreetingOrchestrator?code=bob-personal-key-0123456789ab", JsonContent.Create("Ada"));
        using var bySystem = await host.Http.PostAsync($"/runtime/webhooks/durabletask/orchestrators/GreetingOrchestrator?code={host.Keys.SystemKey}", JsonContent.Create("Bea"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (byBob.StatusCode, bySystem.StatusCode));
        var bobLinks = (await byBob.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusQueryGetUri").GetString()!;
        Assert.Contains("code=bob-personal-key-0123456789ab", bobLinks, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Keys.SystemKey, bobLinks, StringComparison.Ordinal);
        Assert.Contains($"code={host.Keys.SystemKey}", (await bySystem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_in_the_users_setting_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => FunctionsHostFixture.StartAsync(null, "--PIPELINES_USERS", "alice=short"));
        Assert.Contains("the key of alice is shorter than 24 characters", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> WhoAmIAsync(FunctionsHostFixture host, string key, string? name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/whoami");
        request.Headers.Add("x-functions-key", key);
        if (name is not null) request.Headers.Add(ClientPrincipal.NameHeader, name);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_wrong_method_or_unknown_route_is_not_a_function()
    {
        await using var host = await FunctionsHostFixture.StartAsync();

        using var wrongMethod = await host.Http.PostAsync("/api/Open", null);
        using var unknown = await host.Http.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_http_starter_runs_an_orchestrator_and_activities_with_constructor_injection_and_returns_check_status_links()
    {
        await using var host = await FunctionsHostFixture.StartAsync();

        using var started = await host.Http.PostAsync("/api/greetings/Ada", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var payload = await started.Content.ReadFromJsonAsync<JsonElement>();
        var statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.StartsWith($"http://127.0.0.1:{host.Port}/runtime/webhooks/durabletask/instances/", statusUri);
        Assert.Contains($"code={host.Keys.SystemKey}", statusUri);

        JsonElement status = default;
        await Support.EngineHarness.Eventually(async () =>
        {
            using var response = await host.Http.GetAsync(statusUri);
            status = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.StatusCode == HttpStatusCode.OK;
        }, "the greeting orchestration completes");
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("Bonjour Ada (Greet) / Bonjour again (Greet)", status.GetProperty("output").GetString());
    }

    [Fact]
    public async Task The_management_api_needs_the_system_or_master_key()
    {
        await using var host = await FunctionsHostFixture.StartAsync();

        using var noKey = await host.Http.GetAsync("/runtime/webhooks/durabletask/instances");
        using var functionKey = await host.Http.GetAsync($"/runtime/webhooks/durabletask/instances?code={host.Keys.FunctionKey}");
        using var systemKey = await host.Http.GetAsync($"/runtime/webhooks/durabletask/instances?code={host.Keys.SystemKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, systemKey.StatusCode);
    }

    [Fact]
    public async Task Generated_keys_are_kept_in_the_data_folder_and_reused_after_a_restart()
    {
        string dataDirectory;
        FunctionKeys first;
        await using (var host = await FunctionsHostFixture.StartAsync())
        {
            dataDirectory = host.DataDirectory;
            first = host.Keys;
        }
        await using var restarted = await FunctionsHostFixture.StartAsync(dataDirectory);

        Assert.True(File.Exists(Path.Combine(dataDirectory, FunctionKeys.FileName)));
        Assert.Equal(first.FunctionKey, restarted.Keys.FunctionKey);
        Assert.Equal(first.MasterKey, restarted.Keys.MasterKey);
        Assert.NotEqual(first.FunctionKey, first.MasterKey);
    }

    [Fact]
    public async Task Keys_from_settings_win_over_generated_ones()
    {
        await using var host = await FunctionsHostFixture.StartAsync(null, "--PIPELINES_FUNCTION_KEY", "my-function-key");

        using var response = await host.Http.GetAsync("/api/echo/x/1?code=my-function-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Orchestrations_survive_a_host_restart_on_the_sqlite_store()
    {
        string dataDirectory;
        string instanceId;
        await using (var host = await FunctionsHostFixture.StartAsync())
        {
            dataDirectory = host.DataDirectory;
            var client = (DurableTaskClient)host.Services.GetService(typeof(DurableTaskClient))!;
            instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleFunctions.GreetingOrchestrator), "Grace");
            await client.WaitForInstanceCompletionAsync(instanceId).WaitAsync(TimeSpan.FromSeconds(30));
        }
        await using var restarted = await FunctionsHostFixture.StartAsync(dataDirectory);

        var again = (DurableTaskClient)restarted.Services.GetService(typeof(DurableTaskClient))!;
        var instance = await again.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        Assert.Equal("Bonjour Grace (Greet) / Bonjour again (Greet)", instance.ReadOutputAs<string>());
    }
}
