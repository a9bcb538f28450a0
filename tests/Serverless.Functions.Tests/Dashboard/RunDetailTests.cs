using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>Run detail: checks and scans side by side in one graph column, then build; clicking a check shows its log.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RunDetailTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_graph_shows_checks_and_scans_in_parallel_and_a_check_shows_its_log()
    {
        var runId = await fixture.SucceededDevRunAsync();
        var run = await fixture.RunAsync(runId);
        var commit = run.GetProperty("run").GetProperty("commit").GetString()!;
        var stages = run.GetProperty("stages").EnumerateArray().Select(s => (Name: s.GetProperty("name").GetString()!, Group: s.GetProperty("group").GetString()!)).ToList();
        output.WriteLine(string.Join(", ", stages.Select(s => $"{s.Group}/{s.Name}")));
        Assert.Contains(("checks-lint", "checks"), stages);
        Assert.Contains(("checks-greet", "checks"), stages);
        Assert.Contains(("scans-secrets", "scans"), stages);
        Assert.Contains(("build-hello-service", "build"), stages);

        await using var session = await fixture.SignInAsync(route: $"#/runs/{runId}");
        var page = session.Page;
        await Expect(session.Heading).ToHaveTextAsync($"Run {commit[..7]}");
        await Expect(session.Main).ToContainTextAsync(DashboardFixture.Repository);
        await Expect(session.Main).ToContainTextAsync("Succeeded");

        var graph = page.GetByRole(AriaRole.Region, new() { Name = "Pipeline graph", Exact = true });
        await Expect(graph).ToBeVisibleAsync();
        var parallel = graph.Locator(".graph-column[data-column=\"1\"]");
        await Expect(parallel.Locator("button.stage[data-stage=\"checks-lint\"]")).ToHaveAttributeAsync("data-group", "checks");
        await Expect(parallel.Locator("button.stage[data-stage=\"checks-greet\"]")).ToHaveAttributeAsync("data-group", "checks");
        await Expect(parallel.Locator("button.stage[data-stage=\"scans-secrets\"]")).ToHaveAttributeAsync("data-group", "scans");
        await Expect(parallel.Locator("button.stage")).ToHaveCountAsync(stages.Count(s => s.Group is "checks" or "scans"));
        await Expect(graph.Locator(".graph-column[data-column=\"2\"] button.stage[data-stage=\"build-hello-service\"]")).ToBeVisibleAsync();
        await Expect(graph.Locator(".graph-column[data-column=\"0\"] button.stage[data-stage=\"checkout\"]")).ToBeVisibleAsync();

        // Columns in pipeline order: checkout, checks + scans, build, deploy, ...
        var columns = await graph.Locator(".graph-column").EvaluateAllAsync<int[]>("columns => columns.map(c => Number(c.dataset.column))");
        Assert.Equal(columns.Order().ToArray(), columns);
        Assert.Equal(0, columns[0]);
        Assert.Equal(1, columns[1]);
        Assert.Equal(2, columns[2]);

        foreach (var (name, _) in stages)
            await Expect(graph.Locator($"button.stage[data-stage=\"{name}\"]")).ToHaveAttributeAsync("data-state", "Succeeded");
        var states = await graph.Locator("button.stage").EvaluateAllAsync<string[]>("stages => stages.map(s => s.dataset.stage + '=' + s.dataset.state)");
        output.WriteLine(string.Join(", ", states));
        Assert.All(states, s => Assert.EndsWith("=Succeeded", s, StringComparison.Ordinal));
        // State is also spelled out, not shown by colour alone.
        await Expect(graph.Locator("button.stage[data-stage=\"checks-greet\"]")).ToContainTextAsync("Succeeded");

        await graph.Locator("button.stage[data-stage=\"checks-greet\"]").ClickAsync();
        var log = page.GetByRole(AriaRole.Region, new() { Name = "Log for checks-greet", Exact = true });
        await Expect(log.Locator("pre")).ToContainTextAsync(DashboardFixture.GreetLogLine);

        await graph.Locator("button.stage[data-stage=\"checks-lint\"]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Log for checks-lint", Exact = true }).Locator("pre")).ToBeVisibleAsync();
        Assert.Equal(JsonValueKind.String, run.GetProperty("deployedVersion").ValueKind);
        await Expect(session.Main).ToContainTextAsync(commit[..7]);
    }

    [Fact]
    public async Task The_log_of_a_running_check_is_shown_and_completed_without_repeats()
    {
        await using var session = await fixture.SignInAsync(route: "#/runs");
        var (runId, commit) = await fixture.PushAsync("dev", "A slow check to watch", mode: "slow");
        await session.GoToAsync($"#/runs/{runId}", $"Run {commit[..7]}");
        var stage = session.Page.Locator("section[aria-label=\"Pipeline graph\"] button.stage[data-stage=\"checks-mode\"]");
        await Expect(stage).ToHaveAttributeAsync("data-state", "Running");
        await stage.ClickAsync();
        var log = session.Page.GetByRole(AriaRole.Region, new() { Name = "Log for checks-mode", Exact = true }).Locator("pre");
        await Expect(log).ToContainTextAsync("slow check: first line");
        await Expect(stage).ToHaveAttributeAsync("data-state", "Running");
        await File.WriteAllTextAsync(fixture.SlowCheckRelease, "");
        await Expect(log).ToContainTextAsync("slow check: second line");
        await Expect(stage).ToHaveAttributeAsync("data-state", "Succeeded");
        var text = await log.InnerTextAsync();
        Assert.Equal(1, text.Split("slow check: first line").Length - 1);
        Assert.Equal(1, text.Split("slow check: second line").Length - 1);
        await Expect(session.Page.Locator("section[aria-label=\"Pipeline graph\"] button.stage[data-stage=\"deploy-hello-service\"]"))
            .ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
    }

    [Fact]
    public async Task A_failed_run_shows_the_failed_check_and_the_reason()
    {
        var (runId, commit) = await fixture.PushAsync("dev", "A check that fails", mode: "fail");
        var run = await fixture.WaitForRunAsync(runId);
        Assert.Equal("Failed", run.GetProperty("run").GetProperty("status").GetString());
        var reason = run.GetProperty("reason").GetString()!;
        output.WriteLine(reason);

        await using var session = await fixture.SignInAsync(route: $"#/runs/{runId}");
        await Expect(session.Heading).ToHaveTextAsync($"Run {commit[..7]}");
        var graph = session.Page.GetByRole(AriaRole.Region, new() { Name = "Pipeline graph", Exact = true });
        await Expect(graph.Locator("button.stage[data-stage=\"checks-mode\"]")).ToHaveAttributeAsync("data-state", "Failed");
        await Expect(graph.Locator("button.stage[data-stage=\"checks-mode\"]")).ToContainTextAsync("Failed");
        await Expect(graph.Locator("button.stage[data-group=\"deploy\"]")).ToHaveCountAsync(0);
        await Expect(session.Main).ToContainTextAsync(reason);
        await graph.Locator("button.stage[data-stage=\"checks-mode\"]").ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Region, new() { Name = "Log for checks-mode", Exact = true }).Locator("pre"))
            .ToContainTextAsync("the mode check fails on purpose");
        await session.GoToAsync("#/runs", "Runs");
        await Expect(session.Page.Locator($"tr[data-run-id=\"{runId}\"]")).ToHaveAttributeAsync("data-status", "Failed");
    }
}
