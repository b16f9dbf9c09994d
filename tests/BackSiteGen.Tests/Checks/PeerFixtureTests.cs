using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

/// <summary>Situations from html-proofer's and linkinator's test fixtures, written afresh as inline sites; each
/// asserts what a browser does, which is not always what those checkers report.</summary>
public sealed class PeerFixtureTests
{
    private static List<string> Check(string spec, params string[] args)
    {
        using var site = SiteFixture.Create(spec);
        return BrowserResolutionTests.Check(site, args.Length == 0 ? ["--base-url", "/"] : args).Lines;
    }

    [Fact]
    public void Base_elements_relative_to_a_folder_a_page_the_root_or_nothing()
    {
        // As linkinator's basetag fixtures: each page has one working and one broken link through its base.
        var lines = Check("""
            -- site/folder.html --
            <!doctype html><title>T</title><base href="shelf/"><a href="ok.html">ok</a><a href="./broken.html">broken</a>
            -- site/page.html --
            <!doctype html><title>T</title><base href="shelf"><a href="ok.html">ok</a><a href="broken.html">broken</a>
            -- site/root.html --
            <!doctype html><title>T</title><base href="/shelf/"><a href="ok.html">ok</a><a href="broken.html">broken</a>
            -- site/empty.html --
            <!doctype html><title>T</title><base href=""><a href="ok.html">ok</a><a href="broken.html">broken</a>
            -- site/elsewhere.html --
            <!doctype html><title>T</title><base href="https://other.example/"><base href="shelf/"><a href="ok.html">another site now</a>
            -- site/shelf/ok.html --
            <!doctype html><title>Ok</title>
            -- site/ok.html --
            <!doctype html><title>Ok</title>
            """);

        Assert.Equal(
            [
                // An empty href is the page's own address: links resolve as if there were no base.
                "site/empty.html(1,73): error BSG0601: The link 'broken.html' goes nowhere: there is no page or file at /broken.html.",
                "site/folder.html(1,79): error BSG0601: The link './broken.html' goes nowhere: there is no page or file at /shelf/broken.html.",
                // "shelf" without a slash is a file in the root folder, so links resolve against the root.
                "site/page.html(1,78): error BSG0601: The link 'broken.html' goes nowhere: there is no page or file at /broken.html.",
                "site/root.html(1,80): error BSG0601: The link 'broken.html' goes nowhere: there is no page or file at /shelf/broken.html.",
            ],
            lines);
    }

    [Fact]
    public void Fragments_match_ids_exactly_after_percent_decoding()
    {
        // html-proofer's mismatched-case, encoded and Unicode hashes; linkinator's same-page and non-HTML fragments.
        var lines = Check("""
            -- site/index.html --
            <!doctype html><title>T</title><h2 id="mainmenu">Menu</h2><h2 id="|>/2">Pipe</h2><h2 id="↑">Up</h2>
            <a href="#MainMenu">case differs</a> <a href="#%7C%3E/2">encoded</a> <a href="#%E2%86%91">encoded arrow</a> <a href="#↑">arrow</a>
            <a href="doc.pdf#page=2">pdf page</a> <a href="other.html?tab=1#missing">query then hash</a> <a href="">this page</a> <a href="#">top</a>
            -- site/other.html --
            <!doctype html><title>O</title><p id="present">x</p>
            -- site/doc.pdf --
            %PDF-1.4
            """);

        Assert.Equal(
            [
                "site/index.html(2,4): error BSG0602: The link '#MainMenu' goes to a missing anchor: this page has no id 'MainMenu'; did you mean #mainmenu?",
                "site/index.html(3,42): error BSG0602: The link 'other.html?tab=1#missing' goes to a missing anchor: /other.html has no id 'missing'.",
            ],
            lines);
    }

    [Fact]
    public void Folders_pages_named_like_files_and_schemes_a_browser_hands_elsewhere()
    {
        // html-proofer's folder.html/ and blank mailto/tel links; linkinator's directory index and protocols fixtures.
        var lines = Check("""
            -- site/index.html --
            <!doctype html><title>T</title><a href="folder.html">a folder named like a page</a> <a href="dir">no slash</a> <a href="dir/">slash</a>
            <a href="mailto:">blank mail</a> <a href="tel:">blank phone</a> <a href="javascript:void(0)">script</a> <a href="data:text/plain,hi">data</a>
            <a href="http://">no host</a> <a href="https://exa mple.org/">space in host</a> <a href="HTTPS://Other.Example/">upper-case</a>
            -- site/folder.html/index.html --
            <!doctype html><title>F</title>
            -- site/dir/index.html --
            <!doctype html><title>D</title>
            """);

        Assert.Equal(
            [
                "site/index.html(3,4): error BSG0601: The link 'http://' is not a URL a browser can follow: there is no host after the slashes.",
                "site/index.html(3,34): error BSG0601: The link 'https://exa mple.org/' is not a URL a browser can follow: a browser cannot parse it as a URL.",
            ],
            lines);
    }

    [Fact]
    public void Images_through_srcset_picture_and_css_and_a_refresh_that_goes_nowhere()
    {
        // linkinator's srcset, picture, css and metarefresh fixtures; html-proofer's empty stylesheet href.
        var lines = Check("""
            -- site/index.html --
            <!doctype html><title>T</title>
            <meta http-equiv="refresh" content="5; url=missing.html">
            <link rel="stylesheet" href="">
            <link rel="stylesheet" href="styles.css">
            <img alt="" src="a.png" srcset="a.png 1x, a@2x.png 2x, b.png 640w">
            <picture><source srcset="c.webp" type="image/webp"><img alt="" src="c.png"></picture>
            -- site/styles.css --
            .hero { background: url("hero.jpg"); }
            @font-face { src: url(font.woff2); }
            -- site/a.png --
            png
            -- site/b.png --
            png
            -- site/c.png --
            png
            -- site/font.woff2 --
            woff
            """);

        Assert.Equal(
            [
                "site/index.html(2,28): error BSG0601: The link 'missing.html' goes nowhere: there is no page or file at /missing.html.",
                "site/index.html(3,24): error BSG0603: The stylesheet has an empty address: a browser loads nothing and shows it as missing.",
                "site/index.html(5,25): error BSG0603: The image 'a@2x.png' is not in the site: there is no page or file at /a@2x.png.",
                "site/index.html(6,18): error BSG0603: The image 'c.webp' is not in the site: there is no page or file at /c.webp.",
                "site/styles.css(1,26): error BSG0603: The image 'hero.jpg' is not in the site: there is no page or file at /hero.jpg.",
            ],
            lines);
    }

    [Fact]
    public void Everything_a_page_fetches_from_another_origin_is_a_privacy_finding_and_links_are_not()
    {
        // linkinator's prefetch and css fixtures, html-proofer's dns-prefetch and integrity fixtures.
        var lines = Check("""
            -- site/index.html --
            <!doctype html><title>T</title>
            <link rel="dns-prefetch" href="//cdn.example">
            <link rel="prefetch" href="https://cdn.example/next.js">
            <link rel="stylesheet" href="https://cdn.example/x.css" integrity="sha384-abc" crossorigin="anonymous">
            <link rel="canonical" href="https://other.example/">
            <style>@import url("https://fonts.example/css"); .a { background: url(//img.example/a.png) }</style>
            <a href="https://other.example/">a link is fine</a>
            <video poster="https://img.example/p.jpg"></video>
            <meta http-equiv="refresh" content="0; url=https://other.example/">
            """);

        Assert.Equal(
            [
                "site/index.html(2,26): error BSG0606: The page opens a connection (preconnect or dns-prefetch) to another origin (cdn.example): '//cdn.example'. That server learns who reads the page; remove the hint and serve what it was for from the site.",
                "site/index.html(3,22): error BSG0606: The page prefetches a file from another origin (cdn.example): 'https://cdn.example/next.js'. That server learns who reads the page; serve the file from the site instead.",
                "site/index.html(4,24): error BSG0606: The page loads a stylesheet from another origin (cdn.example): 'https://cdn.example/x.css'. That server learns who reads the page; serve the file from the site instead.",
                "site/index.html(6,21): error BSG0606: The page loads a stylesheet from another origin (fonts.example): 'https://fonts.example/css'. That server learns who reads the page; serve the file from the site instead.",
                "site/index.html(6,71): error BSG0606: The page loads an image from another origin (img.example): '//img.example/a.png'. That server learns who reads the page; serve the file from the site instead.",
                "site/index.html(8,8): error BSG0606: The page loads a media file from another origin (img.example): 'https://img.example/p.jpg'. That server learns who reads the page; serve the file from the site instead.",
            ],
            lines);
    }
}
