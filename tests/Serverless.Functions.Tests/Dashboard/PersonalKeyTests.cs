using Microsoft.Playwright;
using Serverless.Functions.Tests.EndToEnd;
using Serverless.Testing.Local;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// Sign-in by name: the fixture's host takes the name typed (so one is required), a host with PIPELINES_USERS names
/// you from your personal key whatever you type.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PersonalKeyTests(DashboardFixture fixture)
{
    private const string AliceKey = "alice-dashboard-personal-key-0123456789";
    private const string SharedKey = "dashboard-personal-keys-function-key";

    [Fact]
    public async Task A_host_that_trusts_the_name_typed_asks_for_one()
    {
        await using var session = await fixture.OpenAsync();
        await session.Page.GetByLabel("Access key", new() { Exact = true }).FillAsync(DashboardFixture.FunctionKey);
        await session.Button("Sign in").ClickAsync();

        await Expect(session.Alert("Enter your name: this host takes the name you give")).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Your name", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(session.Button("Sign out")).ToHaveCountAsync(0);
        Assert.Empty(session.TakeErrors());
    }

    [Fact]
    public async Task With_personal_keys_you_are_who_your_key_says_whatever_name_you_type()
    {
        using var data = new TempDirectory("dashboard-personal-keys");
        await using var host = await FunctionsHostProcess.StartAsync(FreePort.Next(), new Dictionary<string, string>
        {
            ["PIPELINES_DATA_DIR"] = data.Path,
            ["PIPELINES_USERS"] = $"alice={AliceKey}, bob",
            ["PIPELINES_ADMINS"] = "alice",
            ["PIPELINES_FUNCTION_KEY"] = SharedKey,
            ["LocalTarget__Ports__dev"] = FreePort.Next().ToString(),
            ["LocalTarget__Ports__staging"] = FreePort.Next().ToString(),
            ["LocalTarget__Ports__production"] = FreePort.Next().ToString(),
        });
        Assert.Contains("Users:         alice (admin), bob, each with a personal key", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AliceKey, host.Output, StringComparison.Ordinal);

        await using var session = await fixture.OpenAsync(host: host);
        await session.SignInAsync(AliceKey, "mallory");

        await Expect(session.Page.Locator("header")).ToContainTextAsync("alice (admin)");
        await Expect(session.Page.Locator("header")).Not.ToContainTextAsync("mallory");
        await Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = "Orchestrations" })).ToBeVisibleAsync();
        Assert.Equal("alice", await session.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('pipelines.name')"));
        Assert.Empty(session.TakeErrors());

        // The shared function key names nobody here: it may look, not decide.
        await using var shared = await fixture.OpenAsync(host: host);
        await shared.SignInAsync(SharedKey, "alice");
        await Expect(shared.Page.Locator("header")).ToContainTextAsync("no name");
        await shared.Page.GotoAsync(new Uri(host.BaseUrl, "#/approvals").ToString());
        await Expect(shared.Heading).ToHaveTextAsync("Approvals");
        await Expect(shared.Main).ToContainTextAsync("You are signed in without a name, so you cannot decide: sign in with your personal key.");
        Assert.Empty(shared.TakeErrors());
    }
}
