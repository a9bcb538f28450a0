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

        Assert.True(violations.Count == 0, $"serious or critical axe violations, or broken contract rules:\n{string.Join("\n", violations)}");
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
        violations.AddRange((await session.Page.EvaluateAsync<string[]>(ContractScript)).Select(problem => $"{name}: {problem}"));
    }

    /// <summary>
    /// The contract's own accessibility rules that axe does not enforce: one h1, column headers with scope="col",
    /// and every table inside a focusable (tabindex="0"), labelled wrapper so it can scroll sideways by keyboard.
    /// </summary>
    private const string ContractScript = """
        () => {
          const problems = [];
          const h1s = document.querySelectorAll('h1').length;
          if (h1s !== 1) problems.push(`${h1s} h1 elements (want exactly one)`);
          for (const th of document.querySelectorAll('thead th'))
            if (th.getAttribute('scope') !== 'col') problems.push(`column header "${th.textContent.trim()}" without scope="col"`);
          for (const table of document.querySelectorAll('table')) {
            const name = table.getAttribute('aria-label') || table.id || 'table';
            const wrapper = table.closest('[tabindex="0"]');
            if (!wrapper) problems.push(`table "${name}" is not inside a wrapper with tabindex="0"`);
            else if (!wrapper.getAttribute('aria-label') && !wrapper.getAttribute('aria-labelledby'))
              problems.push(`the scrolling wrapper of table "${name}" has no label`);
          }
          return problems;
        }
        """;
}
