using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>One page of the dashboard: its route, its h1, and what shows that its data has loaded.</summary>
public sealed record DashboardPage(string Name, string Route, string Heading, Func<IPage, Task> Loaded)
{
    public override string ToString() => Name;
}

/// <summary>Every page of the dashboard, each with real data behind it (a finished dev run, a staging run waiting at its gate).</summary>
public static class DashboardPages
{
    public static async Task<IReadOnlyList<DashboardPage>> AllAsync(DashboardFixture fixture)
    {
        var devRun = await fixture.SucceededDevRunAsync();
        var waiting = await fixture.WaitingStagingRunAsync();
        var commit = (await fixture.RunAsync(devRun)).GetProperty("run").GetProperty("commit").GetString()!;
        using (var check = await fixture.Http.PostAsync("api/health/check", null))
            Assert.True(check.IsSuccessStatusCode, $"POST /api/health/check answered {(int)check.StatusCode}");
        return
        [
            new("runs", "#/runs", "Runs", page => Expect(page.Locator($"tr[data-run-id=\"{devRun}\"]")).ToBeVisibleAsync()),
            new("run-detail", $"#/runs/{devRun}", $"Run {commit[..7]}",
                page => Expect(page.Locator("button.stage[data-stage=\"build-hello-service\"]")).ToHaveAttributeAsync("data-state", "Succeeded")),
            new("approvals", "#/approvals", "Approvals", page => Expect(page.Locator($"article[data-approval=\"{waiting}/staging\"]")).ToBeVisibleAsync()),
            new("environments", "#/environments", "Environments",
                page => Expect(page.Locator("section[data-environment=\"dev\"] code[data-live-version]")).ToBeVisibleAsync()),
            new("health", "#/health", "Health & security", async page =>
            {
                await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Service health", Exact = true }).Locator("tr[data-health=\"dev/hello-service\"]")).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Security reports", Exact = true })).ToBeVisibleAsync();
            }),
            new("orchestrations", "#/orchestrations", "Orchestrations", page => Expect(page.Locator($"tr[data-instance-id=\"{devRun}\"]")).ToBeVisibleAsync()),
            new("orchestration-instance", $"#/orchestrations/{devRun}", devRun,
                page => Expect(page.GetByRole(AriaRole.List, new() { Name = "History", Exact = true })).ToContainTextAsync("ExecutionStarted")),
        ];
    }

    /// <summary>Shows <paramref name="target"/> in a signed-in session and waits until its data is on screen.</summary>
    public static async Task VisitAsync(DashboardSession session, DashboardPage target)
    {
        await session.GoToAsync(target.Route, target.Heading);
        await target.Loaded(session.Page);
    }
}
