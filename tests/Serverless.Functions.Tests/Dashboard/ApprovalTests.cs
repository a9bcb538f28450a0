using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// Approvals page: staging needs 2 of team release; the pusher (octocat) is refused with a readable alert; alice and
/// bob approve with a comment, each in their own browser; the run goes on to Succeeded and its page lists both.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ApprovalTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_approvers_approve_from_the_dashboard_and_the_pusher_is_refused()
    {
        var (runId, commit) = await fixture.PushAsync("staging", "Needs two approvals");
        output.WriteLine($"pushed {commit[..7]} as {runId}");
        var gate = $"{runId}/staging";

        await using (var pusher = await fixture.SignInAsync(name: "octocat", route: "#/approvals"))
        {
            await Expect(pusher.Heading).ToHaveTextAsync("Approvals");
            var article = pusher.Page.Locator($"article[data-approval=\"{gate}\"]");
            await Expect(article).ToBeVisibleAsync(new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
            await Expect(article).ToContainTextAsync(commit[..7]);
            await Expect(article).ToContainTextAsync("staging");
            await Expect(article).ToContainTextAsync("Awaiting approval 0/2");
            await Expect(article).ToContainTextAsync("team release (alice, bob, octocat)");
            await article.GetByLabel("Comment", new() { Exact = true }).FillAsync("my own change");
            await article.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(pusher.Alert("pushed")).ToBeVisibleAsync();
            output.WriteLine($"octocat was told: {await pusher.Alert("pushed").First.InnerTextAsync()}");
            await Expect(pusher.Status("Approval recorded")).ToHaveCountAsync(0);
        }

        await using (var alice = await fixture.SignInAsync(name: "alice", route: "#/approvals"))
            await ApproveAsync(alice, gate, "Looks good to alice", "Awaiting approval 0/2");
        await using (var bob = await fixture.SignInAsync(name: "bob", route: "#/approvals"))
            await ApproveAsync(bob, gate, "Ship it, says bob", "Awaiting approval 1/2");

        await using var viewer = await fixture.SignInAsync(name: "carol", route: $"#/runs/{runId}");
        await Expect(viewer.Heading).ToHaveTextAsync($"Run {commit[..7]}");
        await Expect(viewer.Page.Locator("button.stage[data-stage=\"approval-staging\"]")).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = (float)DashboardFixture.PipelineTimeout.TotalMilliseconds });
        var done = await fixture.WaitForRunAsync(runId);
        output.WriteLine(done.ToString());
        Assert.Equal("Succeeded", done.GetProperty("run").GetProperty("status").GetString());
        await Expect(viewer.Main).ToContainTextAsync("Succeeded");
        foreach (var text in new[] { "alice", "bob", "Looks good to alice", "Ship it, says bob" })
            await Expect(viewer.Main).ToContainTextAsync(text);
        var approvals = done.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("approver").GetString()).ToList();
        Assert.Equal(["alice", "bob"], approvals);
    }

    private static async Task ApproveAsync(DashboardSession session, string gate, string comment, string before)
    {
        await Expect(session.Heading).ToHaveTextAsync("Approvals");
        var article = session.Page.Locator($"article[data-approval=\"{gate}\"]");
        await Expect(article).ToContainTextAsync(before);
        await article.GetByLabel("Comment", new() { Exact = true }).FillAsync(comment);
        await article.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(session.Status("Approval recorded")).ToBeVisibleAsync();
    }
}
