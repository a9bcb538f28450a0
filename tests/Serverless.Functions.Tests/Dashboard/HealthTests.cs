using Microsoft.Playwright;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>Health &amp; security: "Check now" checks the live services; dev's hello-service shows up healthy with its history.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HealthTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Check_now_lists_the_live_service_as_healthy()
    {
        output.WriteLine($"dev has {await fixture.SucceededDevRunAsync()}");
        await using var session = await fixture.SignInAsync(name: "alice", route: "#/health");
        await Expect(session.Heading).ToHaveTextAsync("Health & security");
        var table = session.Page.GetByRole(AriaRole.Table, new() { Name = "Service health", Exact = true });
        await Expect(table).ToBeVisibleAsync();

        await session.Button("Check now").ClickAsync();
        var row = table.Locator($"tr[data-health=\"dev/{DashboardFixture.Service}\"]");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell).Filter(new() { HasTextRegex = new Regex(@"^\W*healthy\b", RegexOptions.IgnoreCase) }).First).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Columnheader).First).ToHaveAttributeAsync("scope", "col");
        output.WriteLine(await row.InnerTextAsync());
    }
}
