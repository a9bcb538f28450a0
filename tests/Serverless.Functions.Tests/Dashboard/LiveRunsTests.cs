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
        output.WriteLine($"pushed {commit[..7]} as {runId}");

        var row = table.Locator($"tr[data-run-id=\"{runId}\"]");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
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
}
