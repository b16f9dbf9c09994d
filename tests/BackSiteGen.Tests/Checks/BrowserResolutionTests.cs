using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

/// <summary>Every URL of a page judged as a browser would load it: its base element, URL clean-up, the CSS inside
/// the page and every element that loads or links something.</summary>
public sealed class BrowserResolutionTests
{
    private const string Page = """
        -- site/index.html --
        <!doctype html>
        <html><head><title>Home</title>
        <base href="/docs/">
        <base href="/ignored/">
        <style>
        @import "theme.css";
        @font-face { font-family: X; src: url(fonts/x.woff2) format("woff2"); }
        .hero { background: image-set("hero.png" 1x, "hero-2x.png" 2x); }
        </style>
        <link rel="preconnect" href="https://fonts.gstatic.com">
        <link rel="prefetch" href="next.html">
        <link rel="preload" as="font" href="fonts/missing.woff2" crossorigin>
        </head><body>
        <a href="page.html">relative to the base</a> <a href="page
        .html">wrapped</a> <a href="{TAB}page.html#intro">tab</a>
        <a href="..\docs\page.html">backslashes</a> <a href="//////">slashes</a> <a href="no
        where.html">wrapped and broken</a>
        <div style="background: url('https://tracker.example/p.gif')"></div>
        <p style="color: red; background-image: url(missing-bg.png)">x</p>
        <img src="" alt=""> <embed src="movie.swf"> <object data="chart.svg"></object> <input type="image" src="button.png" alt="Go">
        <svg><use href="icons.svg#home"></use><image href="photo.jpg"></image></svg>
        <a href="page.html" ping="https://analytics.example/ping">pinged</a>
        <table background="paper.png"><tr><td>x</td></tr></table>
        <a href="café.html">accents</a>
        </body></html>
        -- site/docs/page.html --
        <!doctype html><title>P</title><h2 id="intro">Intro</h2>
        -- site/docs/theme.css --
        body { color: black; }
        -- site/docs/fonts/x.woff2 --
        font
        -- site/docs/hero.png --
        png
        -- site/docs/chart.svg --
        <svg xmlns="http://www.w3.org/2000/svg"></svg>
        -- site/docs/button.png --
        png
        -- site/docs/icons.svg --
        <svg xmlns="http://www.w3.org/2000/svg"><symbol id="home"></symbol></svg>
        """;

    internal static (int Code, List<string> Lines) Check(SiteFixture site, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["check", "--site", Path.Combine(site.Root, "site"), .. args], stdout, stderr);
        var text = (stdout + stderr.ToString()).Replace(site.Root.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal);
        return (code, text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": info ", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void A_page_with_a_base_element_inline_css_and_every_kind_of_element_is_checked_as_a_browser_loads_it()
    {
        using var site = SiteFixture.Create(Page.Replace("{TAB}", "\t", StringComparison.Ordinal));
        // Saved decomposed (e + U+0301), as macOS once did; the link above is composed.
        site.Write("site/docs/cafe\u0301.html", "<!doctype html><title>C</title>");

        var (code, lines) = Check(site, "--base-url", "/");

        Assert.Equal(1, code);
        Assert.Equal(
            [
                // The base element's /docs/ applies (the second one is ignored); image-set's second image is missing.
                "site/index.html(8,47): error BSG0603: The image 'hero-2x.png' is not in the site: there is no page or file at /docs/hero-2x.png; did you mean docs/hero.png?",
                "site/index.html(10,24): error BSG0606: The page opens a connection (preconnect or dns-prefetch) to another origin (fonts.gstatic.com): 'https://fonts.gstatic.com'. That server learns who reads the page; remove the hint and serve what it was for from the site.",
                "site/index.html(11,22): error BSG0603: The prefetched file 'next.html' is not in the site: there is no page or file at /docs/next.html.",
                "site/index.html(12,31): error BSG0603: The font 'fonts/missing.woff2' is not in the site: there is no page or file at /docs/fonts/missing.woff2.",
                // The wrapped, tabbed and backslashed links all reach /docs/page.html, as in a browser.
                "site/index.html(16,48): error BSG0601: The link '//////' is not a URL a browser can follow: there is no host after the slashes.",
                "site/index.html(16,77): error BSG0601: The link 'no\\nwhere.html' goes nowhere: there is no page or file at /docs/nowhere.html.",
                "site/index.html(18,30): error BSG0606: The page loads an image from another origin (tracker.example): 'https://tracker.example/p.gif'. That server learns who reads the page; serve the file from the site instead.",
                "site/index.html(19,45): error BSG0603: The image 'missing-bg.png' is not in the site: there is no page or file at /docs/missing-bg.png.",
                "site/index.html(20,6): error BSG0603: The image has an empty address: a browser loads nothing and shows it as missing.",
                "site/index.html(20,28): error BSG0603: The embedded object 'movie.swf' is not in the site: there is no page or file at /docs/movie.swf.",
                "site/index.html(21,46): error BSG0603: The image 'photo.jpg' is not in the site: there is no page or file at /docs/photo.jpg.",
                "site/index.html(22,21): error BSG0606: The page sends a ping, when the link is followed, to another origin (analytics.example): 'https://analytics.example/ping'. That server learns who follows the link; remove the ping.",
                "site/index.html(23,8): error BSG0603: The image 'paper.png' is not in the site: there is no page or file at /docs/paper.png.",
                "site/index.html(24,4): error BSG0601: The link 'café.html' goes nowhere: there is no page or file at /docs/café.html; /docs/cafe\u0301.html exists, but only looks the same: the link writes U+00E9 where the target has e + U+0301, the same letters to a reader but not to a server. Write the name and the link in one form (NFC is usual).",
            ],
            lines);
    }

    [Theory]
    [InlineData("<a href=\"/a/\n/b/\">x</a>", "'/a/\\n/b/'")]
    [InlineData("<a href=\"/a/\tb\u0001/\">x</a>", "'/a/\\tb\\u0001/'")]
    public void Every_finding_is_one_line_whatever_the_href_holds(string link, string shown)
    {
        using var site = SiteFixture.Create("-- site/index.html --\n<!doctype html><title>T</title>" + link);

        var (_, lines) = Check(site, "--base-url", "/");

        var line = Assert.Single(lines);
        Assert.Contains(shown, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_element_on_another_origin_makes_relative_links_external_and_one_without_href_changes_nothing()
    {
        using var site = SiteFixture.Create("""
            -- site/index.html --
            <!doctype html><title>T</title><base href="https://cdn.example/"><img src="logo.png" alt=""><a href="missing/">external now</a>
            -- site/plain.html --
            <!doctype html><title>T</title><base target="_blank"><a id="foo" href="#foo">self</a><a href="#bar">missing</a>
            """);

        var (_, lines) = Check(site, "--base-url", "/");

        Assert.Equal(
            [
                "site/index.html(1,71): error BSG0606: The page loads an image from another origin (cdn.example): 'logo.png'. That server learns who reads the page; serve the file from the site instead.",
                "site/plain.html(1,89): error BSG0602: The link '#bar' goes to a missing anchor: this page has no id 'bar'.",
            ],
            lines);
    }

    [Fact]
    public void Extensionless_links_find_their_html_file_only_when_the_site_says_the_host_serves_them()
    {
        const string Site = """
            -- site/index.html --
            <!doctype html><title>T</title><a href="/about">about</a> <a href="/team#lead">team</a> <a href="/gone">gone</a>
            -- site/about.html --
            <!doctype html><title>About</title>
            -- site/team.html --
            <!doctype html><title>Team</title><h2 id="lead">Lead</h2>
            """;
        using var off = SiteFixture.Create(Site + "\n-- site.yml --\ntitle: T\n");
        using var html = SiteFixture.Create(Site + "\n-- site.yml --\ntitle: T\nlinks:\n  extensionless: html\n");

        var (_, withoutOption) = Check(off, "--base-url", "/", "--config", Path.Combine(off.Root, "site.yml"));
        var (_, withOption) = Check(html, "--base-url", "/", "--config", Path.Combine(html.Root, "site.yml"));

        Assert.Equal(3, withoutOption.Count);
        Assert.Equal(["site/index.html(1,92): error BSG0601: The link '/gone' goes nowhere: there is no page or file at /gone."], withOption);
    }

    [Fact]
    public void A_folder_checked_without_the_base_path_it_was_built_for_gets_a_hint()
    {
        using var site = SiteFixture.Create("""
            -- site/index.html --
            <!doctype html><title>T</title><a href="/sub/a/">a</a><a href="/sub/b/">b</a><a href="/sub/c/">c</a><link rel="stylesheet" href="/sub/site.css">
            -- site/a/index.html --
            <!doctype html><title>A</title>
            -- site/b/index.html --
            <!doctype html><title>B</title>
            -- site/c/index.html --
            <!doctype html><title>C</title>
            -- site/site.css --
            body { color: black; }
            """);

        var (_, lines) = Check(site, "--base-url", "/");

        Assert.Equal(5, lines.Count);
        Assert.Equal("--base-url: info BSG0609: 4 root-relative links start with /sub/ and would find their page without it: the site seems to be built for the base path /sub/. Did you forget --base-url (for example --base-url /sub/)?", lines[0]);
    }
}
