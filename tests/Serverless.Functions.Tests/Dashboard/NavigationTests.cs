using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>The shell: sign-in and sign-out, a refused key shown as an alert, the main nav, one h1 per page, focus on main.</summary>
[Collection(DashboardCollection.Name)]
public sealed class NavigationTests(DashboardFixture fixture)
{
    public static TheoryData<string, string, string> Sections => new()
    {
        { "Runs", "#/runs", "Runs" },
        { "Approvals", "#/approvals", "Approvals" },
        { "Environments", "#/environments", "Environments" },
        { "Health & security", "#/health", "Health & security" },
        { "Orchestrations", "#/orchestrations", "Orchestrations" },
    };

    [Fact]
    public async Task The_nav_leads_to_every_section_marks_it_current_and_moves_focus_to_main()
    {
        await fixture.WaitingStagingRunAsync();
        await using var session = await fixture.SignInAsync(name: "alice");
        var page = session.Page;
        await Expect(page.Locator("body a").First).ToHaveTextAsync("Skip to content");
        await Expect(page.Locator("header")).ToContainTextAsync("Serverless Pipelines");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });
        // The Approvals link carries the number of gates waiting (one staging run waits).
        await Expect(nav.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Approvals") })).ToContainTextAsync(new Regex(@"[1-9]"));

        // From the last section backwards, so every click changes the page.
        foreach (var (link, route, heading) in Sections.Select(s => ((string)s[0], (string)s[1], (string)s[2])).Reverse())
        {
            var target = link == "Approvals"
                ? nav.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Approvals") })
                : nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
            await target.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(route)}$"));
            await Expect(session.Heading).ToHaveTextAsync(heading);
            await Expect(page.Locator("h1")).ToHaveCountAsync(1);
            await Expect(target).ToHaveAttributeAsync("aria-current", "page");
            await Expect(nav.Locator("a[aria-current=\"page\"]")).ToHaveCountAsync(1);
            await Expect(session.Main).ToBeFocusedAsync();
        }
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_readable_alert_and_sign_out_asks_again()
    {
        await using var session = await fixture.OpenAsync();
        await session.Page.GetByLabel("Access key", new() { Exact = true }).FillAsync("not-a-key");
        await session.Page.GetByLabel("Your name", new() { Exact = true }).FillAsync("mallory");
        await session.Button("Sign in").ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex(@"\w{4,}") })).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Access key", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(session.Button("Sign out")).ToHaveCountAsync(0);

        await session.SignInAsync(DashboardFixture.FunctionKey, "alice");
        await Expect(session.Heading).ToHaveTextAsync("Runs");
        await Expect(session.Page.Locator("header")).ToContainTextAsync("alice");
        await session.SignOutAsync();
        Assert.Null(await session.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('pipelines.key')"));
        Assert.Null(await session.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('pipelines.name')"));
    }
}
