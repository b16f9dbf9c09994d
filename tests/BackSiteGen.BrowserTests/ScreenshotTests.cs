using Microsoft.Playwright;

namespace BackSiteGen.BrowserTests;

/// <summary>Pictures of the home page, an exercise and the handout at phone and desktop widths and on paper,
/// for a person to look at (screenshots/ is git-ignored). The test only fails if a picture cannot be taken.</summary>
public sealed class ScreenshotTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "BackSiteGen.BrowserTests", "screenshots");

    [BrowserFact]
    public async Task Home_and_an_exercise_are_photographed_on_a_phone_a_desktop_and_paper()
    {
        Directory.CreateDirectory(Folder);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var shots = new List<string>();
        var pages = new[] { ("home", "/"), ("exercise", "/exercises/cat-cow/"), ("handout", "/exercises/handout/"), ("get-help-now", "/get-help-now/") };
        var sizes = new[] { ("phone", 390, 844, ColorScheme.Light), ("desktop", 1280, 900, ColorScheme.Light), ("phone-dark", 390, 844, ColorScheme.Dark) };
        foreach (var (device, width, height, scheme) in sizes)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, ColorScheme = scheme, DeviceScaleFactor = 1 });
            foreach (var (name, path) in pages)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(site.Origin, path).AbsoluteUri);
                var file = Path.Combine(Folder, $"{name}-{device}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                shots.Add(file);
                if (device == "phone")
                {
                    // What a reader sees before scrolling: the route to urgent help should be on it.
                    var first = Path.Combine(Folder, $"{name}-phone-first-screen.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = first });
                    shots.Add(first);
                }

                if (device == "desktop")
                {
                    // Paper: A4 at 96 dpi is 794 px wide.
                    await page.SetViewportSizeAsync(794, 1123);
                    await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                    var print = Path.Combine(Folder, $"{name}-print.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = print, FullPage = true });
                    shots.Add(print);
                    await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Folder, $"{name}.pdf"), Format = "A4", PrintBackground = false });
                }

                await page.CloseAsync();
            }
        }

        Assert.All(shots, s => Assert.True(new FileInfo(s).Length > 1000, $"{s} is empty"));
    }
}
