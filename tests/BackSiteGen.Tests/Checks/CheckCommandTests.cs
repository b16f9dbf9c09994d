using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

public sealed class CheckCommandTests
{
    /// <summary>A folder as Hugo or Jekyll would leave it: plain HTML, no Markdown, no site.yml.</summary>
    private const string PlainSite = """
        -- site/index.html --
        <!doctype html>
        <html><head><title>Home</title><link rel="stylesheet" href="/css/site.css"><link rel="canonical" href="https://elsewhere.example/"></head>
        <body><h1 id="top-title">Home</h1>
        <a href="posts/">Posts</a> <a href="posts/first/#intro">Intro</a> <a href="posts/first/index.html#old-anchor">Old</a>
        <a href="/posts/second/">Missing</a> <a href="posts/first/#outro">Missing anchor</a>
        <img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x" alt="">
        <script>var s = '<a href="/not-a-link/">';</script>
        <a href="mailto:x@example.org">Mail</a> <a href="https://example.com/">Out</a> <a href="/posts?page=2">Query</a>
        <p id="dup">a</p><p id="dup">b</p>
        </body></html>
        -- site/posts/index.html --
        <!doctype html><title>Posts</title><a href="../">Home</a> <a href="first/">First</a>
        -- site/posts/first/index.html --
        <!doctype html><title>First</title><h2 id="intro">Intro</h2><a name="old-anchor"></a>
        <meta http-equiv="refresh" content="0; url=/posts/gone/">
        -- site/css/site.css --
        /* url(/ignored-in-comment.png) */
        @font-face { src: url("/fonts/missing.woff2"); }
        body { background: url(../img/a.png); }
        -- site/img/a.png --
        png
        """;

    private static (int Code, string Out) Run(SiteFixture site, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["check", "--site", Path.Combine(site.Root, "site"), .. args], stdout, stderr);
        return (code, (stdout + stderr.ToString()).Replace(site.Root.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Checks_a_folder_of_plain_html_and_reports_output_positions()
    {
        using var site = SiteFixture.Create(PlainSite);

        var (code, output) = Run(site, "--base-url", "/");

        Assert.Equal(1, code);
        var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(
            [
                "site/css/site.css(2,24): error BSG0603: The font '/fonts/missing.woff2' is not in the site: there is no page or file at /fonts/missing.woff2.",
                "site/index.html(5,4): error BSG0601: The link '/posts/second/' goes nowhere: there is no page or file at /posts/second/.",
                "site/index.html(5,41): error BSG0602: The link 'posts/first/#outro' goes to a missing anchor: /posts/first/ has no id 'outro'; did you mean /posts/first/#intro?",
                "site/index.html(6,23): error BSG0603: The image '/img/a@2x.png' is not in the site: there is no page or file at /img/a@2x.png.",
                "site/index.html(9,21): error BSG0604: The id 'dup' is used twice on this page (first at site/index.html(9,4)); a link to #dup reaches only the first.",
                "site/posts/first/index.html(2,28): error BSG0601: The link '/posts/gone/' goes nowhere: there is no page or file at /posts/gone/.",
            ],
            errors);
        Assert.Matches(@"3 pages, \d+ links, 0 warnings, 6 errors in \d+\.\d\d s: check failed\.", output);
    }

    [Theory]
    [InlineData("https://example.org/sub/")]
    [InlineData("/sub/")]
    [InlineData("/sub")]
    public void A_base_path_makes_links_without_it_broken(string baseUrl)
    {
        using var site = SiteFixture.Create("""
            -- site/index.html --
            <a href="/sub/x/">fine</a> <a href="x/">fine</a> <a href="/sub/">fine</a> <a href="/sub">fine</a>
            <a href="/x/">broken</a> <a href="../x/">broken</a>
            -- site/x/index.html --
            <a href="../">up</a>
            """);

        var (code, output) = Run(site, "--base-url", baseUrl);

        Assert.Equal(1, code);
        var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.Equal(["site/index.html(2,4)", "site/index.html(2,29)"], errors);
        Assert.Contains("BSG0605", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_folder_exits_with_0_and_a_bad_base_url_with_1()
    {
        using var site = SiteFixture.Create("""
            -- site/index.html --
            <a href="a.html#x">a</a>
            -- site/a.html --
            <p id="x">x</p><a href="./">home</a><a href="https://example.org/x/">full URL on our own origin</a>
            -- site/x/index.html --
            """);

        Assert.Equal(0, Run(site, "--base-url", "https://example.org/").Code);
        Assert.Equal(1, Run(site, "--base-url", "example.org").Code);
        Assert.Equal(2, Run(site, "--no-such-option").Code);
    }

    [Fact]
    public void Severity_config_applies_to_check_too()
    {
        using var site = SiteFixture.Create(PlainSite + """

            -- links.yml --
            links:
              broken_page: warning
              broken_anchor: off
              missing_resource: off
              duplicate_id: off
            """);

        var (code, output) = Run(site, "--config", Path.Combine(site.Root, "links.yml"));

        Assert.Equal(0, code);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
        Assert.Contains("warning BSG0601", output, StringComparison.Ordinal);
        Assert.Equal(1, Run(site, "--config", Path.Combine(site.Root, "links.yml"), "--strict").Code);
    }
}
