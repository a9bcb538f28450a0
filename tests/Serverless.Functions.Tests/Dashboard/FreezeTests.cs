using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// Health &amp; security: "Scan now" finds the key in acme/leaky-service, every page then shows the freeze banner
/// above main, and an admin lifts the freeze with a reason (others get no "Lift freeze").
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FreezeTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string Leaky = DashboardFixture.LeakyRepository;

    [Fact]
    public async Task A_scan_that_finds_a_secret_shows_the_freeze_banner_everywhere_until_an_admin_lifts_it()
    {
        try
        {
            await using var admin = await fixture.SignInAsync(key: DashboardFixture.MasterKey, name: "alice", route: "#/health");
            await Expect(admin.Heading).ToHaveTextAsync("Health & security");
            var security = admin.Page.GetByRole(AriaRole.Table, new() { Name = "Security reports", Exact = true });
            await Expect(security.Locator($"tr[data-repository=\"{Leaky}\"]")).ToBeVisibleAsync();
            await Expect(admin.Page.GetByRole(AriaRole.Table, new() { Name = "Service health", Exact = true })).ToBeVisibleAsync();
            await Expect(admin.Button("Check now")).ToBeVisibleAsync();

            await admin.Button("Scan now").ClickAsync();
            var banner = admin.Page.Locator(".freeze-banner[role=\"alert\"]");
            await Expect(banner).ToContainTextAsync($"Deployments of {Leaky} are frozen", new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
            await Expect(banner).Not.ToContainTextAsync(DashboardFixture.Repository + " ");
            output.WriteLine($"banner: {await banner.InnerTextAsync()}");
            var row = security.Locator($"tr[data-repository=\"{Leaky}\"]");
            await Expect(Cell(row, "Yes")).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync(new Regex(@"[1-9]"));

            foreach (var route in new[] { "#/runs", "#/approvals", "#/environments", "#/orchestrations" })
            {
                await admin.GoToAsync(route);
                await Expect(banner).ToContainTextAsync($"Deployments of {Leaky} are frozen");
                Assert.True(await banner.EvaluateAsync<bool>("b => Boolean(b.compareDocumentPosition(document.getElementById('main')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
                    $"on {route} the freeze banner is not above <main>");
            }

            await using (var user = await fixture.SignInAsync(key: DashboardFixture.FunctionKey, name: "bob", route: "#/health"))
            {
                await Expect(user.Page.Locator(".freeze-banner[role=\"alert\"]")).ToContainTextAsync($"Deployments of {Leaky} are frozen");
                await Expect(user.Page.GetByRole(AriaRole.Table, new() { Name = "Security reports", Exact = true }).Locator($"tr[data-repository=\"{Leaky}\"]")).ToBeVisibleAsync();
                await Expect(user.Button("Lift freeze")).ToHaveCountAsync(0);
            }

            await admin.GoToAsync("#/health", "Health & security");
            await admin.Page.GetByLabel("Reason", new() { Exact = true }).FillAsync("The key was revoked");
            await admin.Button("Lift freeze").ClickAsync();
            await Expect(banner).ToHaveCountAsync(0);
            await Expect(Cell(row, "No")).ToBeVisibleAsync();
            Assert.Empty((await SecurityAsync()).GetProperty("frozen").EnumerateArray());
        }
        finally
        {
            await LiftByApiAsync();  // never leave the banner up for the next test
        }
    }

    /// <summary>The row's cell that starts with the word (after an icon, say), e.g. frozen "Yes" / "No (lifted by …)".</summary>
    private static ILocator Cell(ILocator row, string word) =>
        row.GetByRole(AriaRole.Cell).Filter(new() { HasTextRegex = new Regex($@"^\W*{word}\b", RegexOptions.IgnoreCase) }).First;

    private async Task<JsonElement> SecurityAsync() => await fixture.Http.GetFromJsonAsync<JsonElement>("api/security");

    private async Task LiftByApiAsync()
    {
        if ((await SecurityAsync()).GetProperty("frozen").GetArrayLength() == 0) return;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/security/freeze/{Leaky}/override")
        {
            Content = JsonContent.Create(new { reason = "cleanup after the dashboard test", by = "test" }),
        };
        request.Headers.Add("x-functions-key", DashboardFixture.MasterKey);
        using var response = await fixture.Http.SendAsync(request);
        output.WriteLine($"lifted by the API after the test: {(int)response.StatusCode}");
    }
}
