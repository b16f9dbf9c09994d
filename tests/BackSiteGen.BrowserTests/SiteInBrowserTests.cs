using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BackSiteGen.BrowserTests;

/// <summary>Every page of the real microsite, opened in Chromium as a reader would: accessible (axe), private
/// (no request to another origin), error-free, readable at 360 px, and keyboard-first (skip link).</summary>
public sealed class SiteInBrowserTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    [BrowserFact]
    public async Task Every_page_passes_axe_stays_on_its_origin_logs_no_error_and_fits_a_phone()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var problems = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = scheme == ColorScheme.Light ? new ViewportSize { Width = 1280, Height = 900 } : new ViewportSize { Width = 360, Height = 780 },
                ColorScheme = scheme,
            });
            foreach (var path in site.Pages)
            {
                problems.AddRange(await CheckPageAsync(context, path, scheme));
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [BrowserFact]
    public async Task The_skip_link_is_the_first_tab_stop_and_lands_on_main_on_every_page()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync();
        var problems = new List<string>();
        foreach (var path in site.Pages)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(site.Origin, path).AbsoluteUri);
            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<string>("() => document.activeElement.className + '|' + document.activeElement.getAttribute('href')");
            if (first != "skip-link|#main")
            {
                problems.Add($"{path}: the first tab stop is '{first}', not the skip link");
            }

            await page.Keyboard.PressAsync("Enter");
            var landed = await page.EvaluateAsync<string>("() => document.activeElement.tagName + '#' + document.activeElement.id");
            if (landed != "MAIN#main")
            {
                problems.Add($"{path}: the skip link moved focus to '{landed}', not to main");
            }

            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<List<string>> CheckPageAsync(IBrowserContext context, string path, ColorScheme scheme)
    {
        var where = $"{path} ({(scheme == ColorScheme.Light ? "desktop, light" : "360 px, dark")})";
        var problems = new List<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (problems)
                {
                    problems.Add($"{where}: console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"{where}: page error: {error}");
            }
        };
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && !url.GetLeftPart(UriPartial.Authority).Equals(site.Origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                lock (problems)
                {
                    problems.Add($"{where}: request to another origin: {request.Url}");
                }
            }
        };

        var response = await page.GotoAsync(new Uri(site.Origin, path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (response is null || response.Status != 200)
        {
            problems.Add($"{where}: HTTP {response?.Status}");
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (scheme == ColorScheme.Dark && overflow > 0)
        {
            problems.Add($"{where}: scrolls sideways by {overflow} px at 360 px");
        }

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeTags] } });
        foreach (var violation in axe.Violations)
        {
            foreach (var node in violation.Nodes)
            {
                problems.Add($"{where}: axe {violation.Id} ({violation.Impact}): {violation.Help} at {node.Target} {node.Html}");
            }
        }

        await page.CloseAsync();
        return problems;
    }
}
