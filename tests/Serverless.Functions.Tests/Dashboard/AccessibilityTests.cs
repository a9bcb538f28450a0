using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>axe-core on every page (and the sign-in form): no serious or critical violations; no console errors.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_has_no_serious_accessibility_violations_and_no_console_errors()
    {
        var pages = await DashboardPages.AllAsync(fixture);
        var violations = new List<string>();
        var errors = new List<string>();

        await using var session = await fixture.OpenAsync();
        await Expect(session.Page.GetByLabel("Access key", new() { Exact = true })).ToBeVisibleAsync();
        await CheckAsync(session, "sign-in", violations, errors);
        await session.SignInAsync(DashboardFixture.MasterKey, "alice");
        foreach (var target in pages)
        {
            await DashboardPages.VisitAsync(session, target);
            await CheckAsync(session, target.Name, violations, errors);
        }

        Assert.True(violations.Count == 0, $"serious or critical axe violations:\n{string.Join("\n", violations)}");
        Assert.True(errors.Count == 0, $"console errors:\n{string.Join("\n", errors)}");
    }

    private async Task CheckAsync(DashboardSession session, string name, List<string> violations, List<string> errors)
    {
        var result = await session.Page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"{name}: axe ran no rules");
        foreach (var violation in result.Violations)
        {
            var line = $"{name}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join("; ", violation.Nodes.Select(n => n.Target?.ToString()))}";
            output.WriteLine(line);
            if (violation.Impact is "serious" or "critical") violations.Add(line);
        }
        output.WriteLine($"{name}: {result.Violations.Length} violations, {result.Passes.Length} rules passed");
        errors.AddRange(session.TakeErrors().Select(e => $"{name}: {e}"));
    }
}
