using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Serverless.Testing.Local;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>Orchestrations page: a run's instance is listed, its page shows the history, and Terminate stops a waiting run.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrchestrationsTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_runs_instance_is_listed_with_its_history()
    {
        var runId = await fixture.SucceededDevRunAsync();
        await using var admin = await fixture.SignInAsync(key: DashboardFixture.MasterKey, name: "alice", route: "#/orchestrations");
        await Expect(admin.Heading).ToHaveTextAsync("Orchestrations");
        var table = admin.Page.GetByRole(AriaRole.Table, new() { Name = "Orchestrations", Exact = true });
        var row = table.Locator($"tr[data-instance-id=\"{runId}\"]");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("PipelineOrchestrator");
        await Expect(row).ToContainTextAsync("Completed");

        await admin.Page.GetByLabel("Instance ID prefix", new() { Exact = true }).FillAsync(runId);
        await Expect(table.Locator($"tr[data-instance-id]:not([data-instance-id^=\"{runId}\"])")).ToHaveCountAsync(0);
        await Expect(row).ToBeVisibleAsync();
        await admin.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Running");
        await Expect(row).ToHaveCountAsync(0);
        await admin.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Completed");
        await Expect(row).ToBeVisibleAsync();
        await Expect(admin.Page.GetByLabel("Created after", new() { Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(admin.Heading).ToHaveTextAsync(runId);
        Assert.EndsWith($"#/orchestrations/{runId}", admin.Page.Url, StringComparison.Ordinal);
        var history = admin.Page.GetByRole(AriaRole.List, new() { Name = "History", Exact = true });
        await Expect(history.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("ExecutionStarted");
        await Expect(history).ToContainTextAsync("ExecutionCompleted");
        await Expect(history).ToContainTextAsync("TaskCompleted");
        output.WriteLine($"{await history.GetByRole(AriaRole.Listitem).CountAsync()} history events");
        await Expect(admin.Main).ToContainTextAsync("Completed");
        await Expect(admin.Main.Locator("pre").First).ToBeVisibleAsync();
        foreach (var action in new[] { "Terminate", "Suspend", "Resume", "Restart", "Purge" })
            await Expect(admin.Button(action)).ToBeVisibleAsync();
        await Expect(admin.Page.GetByLabel("Event name", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(admin.Page.GetByLabel("Event data (JSON)", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Terminate_stops_a_run_waiting_at_its_approval_gate()
    {
        var (runId, commit) = await fixture.PushAsync("staging", "Waits at the gate, then is terminated");
        await fixture.WaitForGateAsync(runId);
        output.WriteLine($"{commit[..7]}: {runId} waits at its gate");

        await using var admin = await fixture.SignInAsync(key: DashboardFixture.MasterKey, name: "alice", route: "#/approvals");
        admin.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();  // should the page ask "are you sure?" with confirm()
        var gate = admin.Page.Locator($"article[data-approval=\"{runId}/staging\"]");
        await Expect(gate).ToBeVisibleAsync();

        await admin.GoToAsync($"#/orchestrations/{runId}");
        await Expect(admin.Heading).ToHaveTextAsync(runId);
        await Expect(admin.Main).ToContainTextAsync("Running");
        await Expect(admin.Page.GetByRole(AriaRole.List, new() { Name = "History", Exact = true })).ToContainTextAsync("ExecutionStarted");

        await admin.Button("Terminate").ClickAsync();
        await Expect(admin.Main).ToContainTextAsync("Terminated", new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
        await Eventually.TrueAsync(async () => await RuntimeStatusAsync(runId) == "Terminated", $"{runId} is terminated", DashboardFixture.PipelineTimeout);

        await admin.GoToAsync("#/orchestrations", "Orchestrations");
        await Expect(admin.Page.Locator($"tr[data-instance-id=\"{runId}\"]")).ToContainTextAsync("Terminated");

        // The gate of a terminated run is no longer offered for approval.
        await admin.GoToAsync("#/approvals", "Approvals");
        await Expect(gate).ToHaveCountAsync(0);
    }

    private async Task<string?> RuntimeStatusAsync(string instanceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"runtime/webhooks/durabletask/instances/{instanceId}");
        request.Headers.Add("x-functions-key", DashboardFixture.MasterKey);
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("runtimeStatus").GetString();
    }
}
