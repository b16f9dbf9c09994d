using BackSiteGen.Serve;
using BackSiteGen.Site;
using Microsoft.Playwright;

namespace BackSiteGen.BrowserTests;

/// <summary><c>serve</c> as a writer uses it, in Chromium: a copy of the real microsite is served; each kind of mistake,
/// saved, appears on the first screen of the open page by itself (no reload by hand), styled under the page's own
/// Content-Security-Policy, and goes away when fixed; a stylesheet edit reaches every open page.</summary>
public sealed class ServeInBrowserTests : IAsyncLifetime
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 740;

    /// <summary>Bounds each wait on a shared, busy machine; not a performance assertion (the benchmark measures that).</summary>
    private static readonly float Patience = 20_000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bsg-serve-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private SiteServer? _server;

    private SiteServer Server => _server!;

    public async Task InitializeAsync()
    {
        Copy(Path.Combine(RepositoryRoot.Path, "content"), Path.Combine(_root, "content"));
        Copy(Path.Combine(RepositoryRoot.Path, "themes", "default"), Path.Combine(_root, "themes", "default"));
        var options = new BuildOptions("content", "themes/default", BuildDate: new DateOnly(2026, 12, 1), WorkingDirectory: _root);
        _server = await SiteServer.StartAsync(options, new ServeOptions("127.0.0.1", 0), _ => { });
    }

    [BrowserFact]
    public async Task Each_mistake_shows_on_the_first_screen_of_its_page_and_goes_when_fixed()
    {
        Assert.Empty(Server.FirstBuild.Site.Problems);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };
        await page.GotoAsync(new Uri(Server.Address, "prevention/").AbsoluteUri);
        Assert.Equal(0, await page.Locator("#" + ServeInjection.OverlayId).CountAsync());

        var source = Path.Combine(_root, "content", "prevention.md");
        var original = await File.ReadAllTextAsync(source);
        var mistakes = new (string What, string Text, string Code)[]
        {
            ("a broken link", original + "\nRead [a page that is not there](no-such-page.md).\n", "BSG0601"),
            ("a missing image", original + "\n![A picture that is not there](images/no-such-picture.png)\n", "BSG0603"),
            ("an unknown citation", original + "\nThis claim has no source [@no-such-source].\n", "BSG0506"),
            ("bad front matter", original.Replace("\ndescription: ", "\ndescription: [unclosed ", StringComparison.Ordinal), "BSG0202"),
        };
        foreach (var (what, text, code) in mistakes)
        {
            await File.WriteAllTextAsync(source, text);
            var panel = page.Locator("#" + ServeInjection.OverlayId);
            await panel.GetByText(code).First.WaitForAsync(new LocatorWaitForOptions { Timeout = Patience });

            var box = await panel.BoundingBoxAsync();
            Assert.True(box is { Y: >= 0 and < PhoneHeight, Height: > 0 }, $"{what}: the panel is not on the first screen ({box?.Y}).");
            var shown = await panel.InnerTextAsync();
            Assert.Contains("content/prevention.md(", shown, StringComparison.Ordinal);
            Assert.Equal("rgb(255, 244, 244)", await panel.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            Assert.Contains(code == "BSG0202" ? "last good version" : "shows your latest changes", shown, StringComparison.Ordinal);

            await File.WriteAllTextAsync(source, original);
            await panel.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = Patience });
        }

        // The missing image is the writer's mistake being shown, so its 404 is expected; anything else (a refused stylesheet
        // or script under the page's policy above all) is not.
        var unexpected = console.Where(m => !m.Contains("status of 404", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, "The browser reported: " + string.Join(" | ", unexpected));
    }

    [BrowserFact]
    public async Task A_stylesheet_edit_reaches_every_open_page()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync();
        var pages = new List<IPage>();
        foreach (var path in new[] { string.Empty, "prevention/", "exercises/handout/" })
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Server.Address, path).AbsoluteUri);
            pages.Add(page);
        }

        var css = Path.Combine(_root, "themes", "default", "assets", "site.css");
        await File.AppendAllTextAsync(css, "\nbody { outline: 3px solid rgb(1, 2, 3); }\n");
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync("() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'", null, new PageWaitForFunctionOptions { Timeout = Patience });
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on cleanup.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
