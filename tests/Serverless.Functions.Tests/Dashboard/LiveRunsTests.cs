using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>Runs page: a push shows up while the page is open, and its row follows the run to Succeeded, without a reload.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveRunsTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_push_appears_in_runs_without_a_reload_and_reaches_succeeded()
    {
        await using var session = await fixture.SignInAsync(route: "#/runs");
        var page = session.Page;
        await Expect(session.Heading).ToHaveTextAsync("Runs");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Runs", Exact = true });
        await Expect(table).ToBeVisibleAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;

        var (runId, commit) = await fixture.PushAsync("dev", "Live in the runs table");
        var sincePush = System.Diagnostics.Stopwatch.StartNew();
        output.WriteLine($"pushed {commit[..7]} as {runId}");

        var row = table.Locator($"tr[data-run-id=\"{runId}\"]");
        await Expect(row).ToBeVisibleAsync();
        var shown = sincePush.Elapsed;
        await Expect(row).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
        // Reported, not asserted: the page polls every 2 s, so a row shows within one poll of the webhook.
        output.WriteLine($"row visible {shown.TotalMilliseconds:F0} ms after the webhook was accepted; Succeeded shown after {sincePush.Elapsed.TotalMilliseconds:F0} ms");
        await Expect(row).ToContainTextAsync("Succeeded");
        await Expect(row).ToContainTextAsync(DashboardFixture.Repository);
        await Expect(row).ToContainTextAsync("dev");
        await Expect(row).ToContainTextAsync("Live in the runs table");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = commit[..7] })).ToHaveAttributeAsync("href", new Regex($"#/runs/{Regex.Escape(runId)}$"));

        Assert.Equal(0, loads);
        Assert.EndsWith("#/runs", page.Url, StringComparison.Ordinal);
        var run = await fixture.RunAsync(runId);
        Assert.Equal("Succeeded", run.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal("dev", run.GetProperty("run").GetProperty("environment").GetString());
    }

    [Fact]
    public async Task Older_runs_are_listed_below_the_newest_page_on_request()
    {
        var branch = $"paging-{Guid.NewGuid():N}"[..16];
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (runId, _) = await fixture.PushAsync(branch, $"Paging run {i}");
            ids.Add(runId);
            await fixture.WaitForRunAsync(runId);
        }

        await using var session = await fixture.SignInAsync(route: $"#/runs?branch={branch}&top=2");
        var rows = session.Page.GetByRole(AriaRole.Table, new() { Name = "Runs", Exact = true }).Locator("tbody tr[data-run-id]");
        var older = session.Button("Show older runs");
        await Expect(rows).ToHaveCountAsync(2);
        Assert.Equal([ids[2], ids[1]], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runId)"));

        await older.ClickAsync();

        await Expect(rows).ToHaveCountAsync(3);
        Assert.Equal([ids[2], ids[1], ids[0]], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runId)"));
        await Expect(older).ToBeHiddenAsync();
        await Expect(session.Page.GetByText("3 runs matching the filters, newest first.")).ToBeVisibleAsync();
        Assert.Empty(session.TakeErrors());
    }

    [Fact]
    public async Task The_filters_narrow_the_runs_table()
    {
        var devRun = await fixture.SucceededDevRunAsync();
        var waiting = await fixture.WaitingStagingRunAsync();
        await using var session = await fixture.SignInAsync(route: "#/runs");
        var table = session.Page.GetByRole(AriaRole.Table, new() { Name = "Runs", Exact = true });
        var devRow = table.Locator($"tr[data-run-id=\"{devRun}\"]");
        var waitingRow = table.Locator($"tr[data-run-id=\"{waiting}\"]");
        await Expect(devRow).ToBeVisibleAsync();
        await Expect(waitingRow).ToBeVisibleAsync();

        await session.Page.GetByLabel("Branch", new() { Exact = true }).FillAsync("staging");
        await Expect(devRow).ToHaveCountAsync(0);
        await Expect(waitingRow).ToBeVisibleAsync();
        await session.Page.GetByLabel("Branch", new() { Exact = true }).FillAsync("");
        await Expect(devRow).ToBeVisibleAsync();

        await session.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Succeeded");
        await Expect(waitingRow).ToHaveCountAsync(0);
        await Expect(devRow).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr[data-run-id]:not([data-status=\"Succeeded\"])")).ToHaveCountAsync(0);

        await session.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await session.Page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("staging");
        await Expect(devRow).ToHaveCountAsync(0);
        await Expect(waitingRow).ToBeVisibleAsync();
        await session.Page.GetByLabel("Repository", new() { Exact = true }).FillAsync("acme/no-such-service");
        await Expect(waitingRow).ToHaveCountAsync(0);
    }
}
