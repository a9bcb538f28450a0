using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// Every page at desktop (1280×800) and phone (390×844) size into artifacts/screenshots/&lt;page&gt;-&lt;w&gt;x&lt;h&gt;.png;
/// at 390 wide the document itself never scrolls sideways (wide tables scroll inside their wrapper).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ScreenshotTests(DashboardFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<int, int> Sizes => new() { { 1280, 800 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_page_is_captured_and_fits_the_width(int width, int height)
    {
        var pages = await DashboardPages.AllAsync(fixture);
        Directory.CreateDirectory(Artifacts.Screenshots);
        var overflowing = new List<string>();

        await using var session = await fixture.OpenAsync(width, height);
        await Expect(session.Page.GetByLabel("Access key", new() { Exact = true })).ToBeVisibleAsync();
        await CaptureAsync(session, "sign-in", width, height, overflowing);
        await session.SignInAsync(DashboardFixture.MasterKey, "alice");
        foreach (var target in pages)
        {
            await DashboardPages.VisitAsync(session, target);
            await CaptureAsync(session, target.Name, width, height, overflowing);
        }

        Assert.True(overflowing.Count == 0, $"at {width}px the document scrolls sideways or content is cut off at the right edge:\n{string.Join("\n", overflowing)}");
    }

    private async Task CaptureAsync(DashboardSession session, string name, int width, int height, List<string> overflowing)
    {
        var path = Path.Combine(Artifacts.Screenshots, $"{name}-{width}x{height}.png");
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        var widths = await session.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        var sticking = await session.Page.EvaluateAsync<string[]>(StickingOutScript);
        output.WriteLine($"{path}: scrollWidth {scrollWidth}, innerWidth {innerWidth}, {sticking.Length} elements past the right edge");
        if (width > 390) return;
        if (scrollWidth > innerWidth) overflowing.Add($"{name}: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
        overflowing.AddRange(sticking.Select(element => $"{name}: {element}"));
    }

    /// <summary>
    /// Elements that reach past the right edge of the viewport without a scrolling (or clipping) container of their
    /// own: with <c>overflow-x: hidden</c> on html/body the document's scrollWidth stays at the viewport's width and
    /// such content is simply cut off, so the scrollWidth check alone would not notice it.
    /// </summary>
    internal const string StickingOutScript = """
        () => {
          const width = window.innerWidth;
          const contained = element => {
            for (let parent = element.parentElement; parent && parent !== document.body && parent !== document.documentElement; parent = parent.parentElement)
              if (getComputedStyle(parent).overflowX !== 'visible') return true;
            return false;
          };
          const describe = element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
            + [...element.classList].map(c => '.' + c).join('') + ' "' + (element.textContent || '').trim().slice(0, 40) + '"';
          return [...document.body.querySelectorAll('*')]
            .filter(element => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0 && box.right > width + 1; })
            .filter(element => !contained(element))
            .map(element => describe(element) + ' ends at ' + Math.round(element.getBoundingClientRect().right) + 'px');
        }
        """;
}
