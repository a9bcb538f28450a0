using Microsoft.Playwright;
using Serverless.Functions.Tests.EndToEnd;
using Serverless.Testing.Local;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>Environments page: an admin rolls dev back to the previous version from the page; others get no button.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RollbackTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string RollBack = "Roll back " + DashboardFixture.Service;

    [Fact]
    public async Task An_admin_rolls_dev_back_and_the_first_version_serves_again()
    {
        var first = await DeployToDevAsync("First version for the rollback");
        var second = await DeployToDevAsync("Second version for the rollback");
        Assert.Equal(second, await RunApi.VersionOnPortAsync(fixture.DevPort));

        await using var admin = await fixture.SignInAsync(key: DashboardFixture.MasterKey, name: "alice", route: "#/environments");
        await Expect(admin.Heading).ToHaveTextAsync("Environments");
        var service = admin.Page.Locator($"section[data-environment=\"dev\"] article[data-service=\"{DashboardFixture.Service}\"]");
        await Expect(service.Locator($"code[data-live-version=\"{second}\"]")).ToBeVisibleAsync();
        await Expect(service.Locator($"code[data-live-version=\"{second}\"]")).ToHaveTextAsync(second[..7]);
        await Expect(service.Locator($"code[data-previous-version=\"{first}\"]")).ToBeVisibleAsync();

        await service.GetByRole(AriaRole.Button, new() { Name = RollBack, Exact = true }).ClickAsync();
        var dialog = admin.Page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Reason", new() { Exact = true }).FillAsync("The second version is wrong");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm rollback", Exact = true }).ClickAsync();
        await Expect(admin.Status(first[..7] + "|rolled back")).ToBeVisibleAsync();
        output.WriteLine($"the page said: {await admin.Status(first[..7] + "|rolled back").First.InnerTextAsync()}");

        await Eventually.TrueAsync(async () => await RunApi.VersionOnPortAsync(fixture.DevPort) == first, "dev serves the first version again", DashboardFixture.PipelineTimeout);
        await Expect(service.Locator($"code[data-live-version=\"{first}\"]")).ToBeVisibleAsync();
        await Expect(service.Locator($"code[data-live-version=\"{second}\"]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_the_master_key_there_is_no_rollback_button()
    {
        var devRun = await fixture.SucceededDevRunAsync();
        output.WriteLine($"dev has {devRun}");
        await using var user = await fixture.SignInAsync(key: DashboardFixture.FunctionKey, name: "alice", route: "#/environments");
        await Expect(user.Heading).ToHaveTextAsync("Environments");
        var service = user.Page.Locator($"section[data-environment=\"dev\"] article[data-service=\"{DashboardFixture.Service}\"]");
        await Expect(service.Locator("code[data-live-version]")).ToBeVisibleAsync();
        await Expect(user.Page.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = false })).ToHaveCountAsync(0);

        await using var admin = await fixture.SignInAsync(key: DashboardFixture.MasterKey, name: "alice", route: "#/environments");
        await Expect(admin.Page.Locator($"section[data-environment=\"dev\"] article[data-service=\"{DashboardFixture.Service}\"]")
            .GetByRole(AriaRole.Button, new() { Name = RollBack, Exact = true })).ToBeVisibleAsync();
    }

    private async Task<string> DeployToDevAsync(string message)
    {
        var (runId, commit) = await fixture.PushAsync("dev", message);
        var run = await fixture.WaitForRunAsync(runId);
        Assert.True(run.GetProperty("run").GetProperty("status").GetString() == "Succeeded", run.ToString());
        output.WriteLine($"{commit[..7]} live on dev by {runId}");
        return commit;
    }
}
