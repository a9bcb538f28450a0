using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>One browser context on the dashboard (its own sessionStorage, so its own sign-in), with its console errors.</summary>
public sealed class DashboardSession : IAsyncDisposable
{
    private readonly DashboardFixture _fixture;
    private readonly ConcurrentQueue<string> _errors = new();

    public DashboardSession(DashboardFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue($"console.error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A poll cut short by navigating away is not an error.
            if (request.Failure?.Contains("ERR_ABORTED", StringComparison.Ordinal) != true)
                _errors.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Console errors, uncaught page errors and failed requests since the last <see cref="TakeErrors"/>.</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        var taken = new List<string>();
        while (_errors.TryDequeue(out var error)) taken.Add(error);
        return taken;
    }

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Main => Page.Locator("main#main");

    public ILocator Button(string name, bool exact = true) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = exact });

    /// <summary>A role="alert" (or role="status") element whose text matches; the freeze banner is an alert too, so filter.</summary>
    public ILocator Alert(string pattern) => Page.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex(pattern, RegexOptions.IgnoreCase) });
    public ILocator Status(string pattern) => Page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(pattern, RegexOptions.IgnoreCase) });

    /// <summary>Fills the sign-in form ("Access key", "Your name", "Sign in") and waits until the form is gone.</summary>
    public async Task SignInAsync(string key, string name)
    {
        await Expect(Page.GetByLabel("Access key", new() { Exact = true })).ToBeVisibleAsync();
        await Page.GetByLabel("Access key", new() { Exact = true }).FillAsync(key);
        await Page.GetByLabel("Your name", new() { Exact = true }).FillAsync(name);
        await Button("Sign in").ClickAsync();
        await Expect(Button("Sign out")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Access key", new() { Exact = true })).ToHaveCountAsync(0);
    }

    public async Task SignOutAsync()
    {
        await Button("Sign out").ClickAsync();
        await Expect(Page.GetByLabel("Access key", new() { Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Goes to a hash route (e.g. <c>#/approvals</c>) and waits for the page's h1 when given.</summary>
    public async Task GoToAsync(string route, string? heading = null)
    {
        await Page.GotoAsync(_fixture.BaseUrl + route);
        if (heading is not null) await Expect(Heading).ToHaveTextAsync(heading);
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
