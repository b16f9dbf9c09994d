using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackSiteGen.BrowserTests;

/// <summary>What a reader in pain sees on a 360 × 740 phone before scrolling, measured from bounding boxes: the page's
/// title and the start of its content on every page, and on "when to get help now" the emergency care card's heading.
/// Also the compact header's Menu link, which must work with JavaScript off, and the full menu on a desktop.</summary>
public sealed class FirstScreenTests(BuiltSite site, ITestOutputHelper output) : IClassFixture<BuiltSite>
{
    private const int Width = 360;
    private const int Height = 740;

    /// <summary>One line of body text (18 px at line height 1.6 is 28.8 px): the content has started if that much shows.</summary>
    private const double OneLine = 28;

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "BackSiteGen.BrowserTests", "screenshots", "first-screen");

    // Top and bottom of the header, the h1, the first content block after the title (a table of contents is not
    // content) and the emergency card's heading; -1 where there is none.
    private const string Measure = """
        () => {
          const box = el => { if (!el) return [-1, -1]; const r = el.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY]; };
          const h1 = document.querySelector('main h1');
          let content = h1 ? h1.nextElementSibling : null;
          while (content && (content.matches('nav.toc') || content.getBoundingClientRect().height === 0)) content = content.nextElementSibling;
          return [...box(document.querySelector('.site-header')), ...box(h1), ...box(content),
                  ...box(document.querySelector('.care-card--immediate .care-card__heading'))];
        }
        """;

    [BrowserFact]
    public async Task On_a_360_by_740_phone_every_page_shows_its_title_and_the_start_of_its_content_before_scrolling()
    {
        Directory.CreateDirectory(Folder);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Width, Height = Height },
            DeviceScaleFactor = 1,
            JavaScriptEnabled = false,
        });
        var problems = new List<string>();
        var table = new StringBuilder("page                                  header  h1 top  h1 bottom  content top  emergency card heading\n");
        foreach (var path in site.Pages)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(site.Origin, path).AbsoluteUri);
            var m = await page.EvaluateAsync<double[]>(Measure);
            var (headerBottom, h1Top, h1Bottom, contentTop, contentBottom, cardBottom) = (m[1], m[2], m[3], m[4], m[5], m[7]);
            table.Append(CultureInfo.InvariantCulture, $"{path,-36}  {headerBottom,6:0}  {h1Top,6:0}  {h1Bottom,9:0}  {contentTop,11:0}  {(m[6] < 0 ? "-" : $"{m[6]:0} to {cardBottom:0}"),22}\n");
            if (h1Top < 0 || h1Bottom > Height)
            {
                problems.Add($"{path}: the page title ends at y = {h1Bottom:0}, below the first screen ({Height} px)");
            }

            if (contentTop < 0 || contentTop + Math.Min(OneLine, contentBottom - contentTop) > Height)
            {
                problems.Add($"{path}: the content starts at y = {contentTop:0}, not on the first screen ({Height} px)");
            }

            if (path == "/get-help-now/" && (m[6] < 0 || cardBottom > Height))
            {
                problems.Add($"{path}: the emergency care card's heading ends at y = {cardBottom:0}, below the first screen ({Height} px)");
            }

            var name = path.Trim('/').Replace('/', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, (name.Length == 0 ? "home" : name) + ".png") });
            await page.CloseAsync();
        }

        output.WriteLine(table.ToString());
        await File.WriteAllTextAsync(Path.Combine(Folder, "positions.txt"), table.ToString());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [BrowserFact]
    public async Task Without_javascript_the_phone_menu_link_reaches_the_menu_at_the_foot_and_a_desktop_shows_the_full_menu()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var phone = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = Width, Height = Height }, JavaScriptEnabled = false });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(new Uri(site.Origin, "/condition/causes/").AbsoluteUri);
        Assert.False(await page.Locator(".site-nav").IsVisibleAsync(), "On a phone the header's full menu should be folded away.");
        Assert.True(await page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "Find a topic" }).IsVisibleAsync(), "The header should link to Find a topic.");
        await page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "Menu", Exact = true }).ClickAsync();
        Assert.EndsWith("#menu", page.Url, StringComparison.Ordinal);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var box = await menu.BoundingBoxAsync();
        Assert.NotNull(box);
        var scrolled = await page.EvaluateAsync<double>("() => scrollY");
        Assert.True(box.Y >= 0 && box.Y < Height, $"After 'Menu' the menu should be on screen; it is at y = {box.Y:0} (scrolled {scrolled:0} px).");
        Assert.True(await menu.GetByRole(AriaRole.Link, new() { Name = "Treatments" }).IsVisibleAsync(), "The menu at the foot should list the sections.");

        await using var desktop = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, JavaScriptEnabled = false });
        var wide = await desktop.NewPageAsync();
        await wide.GotoAsync(new Uri(site.Origin, "/condition/causes/").AbsoluteUri);
        Assert.True(await wide.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "Treatments" }).IsVisibleAsync(), "A desktop should keep the full menu in the header.");
        Assert.False(await wide.Locator(".menu-link").IsVisibleAsync(), "A desktop needs no Menu link.");
    }
}
