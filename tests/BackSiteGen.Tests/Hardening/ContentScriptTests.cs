using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Vectors that put a script into the published site from content: static HTML, SVG and XHTML files, and raw
/// HTML in pages that only a browser's reading reveals. Each is an error at its line; clean files still publish.</summary>
public sealed class ContentScriptTests
{
    private const string Site = SiteFixture.NoReviewCycle + """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Hello.
        -- themes/default/layouts/page.html --
        <main>{{ page.content }}</main>
        """;

    [Theory]
    [InlineData("x.html", "<!doctype html>\n<title>t</title>\n<script>alert(1)</script>\n", "(3,1): error BSG0302")]
    [InlineData("x.html", "<p>\n  <img src=x onerror=alert(1)>\n", "(2,3): error BSG0304")]
    [InlineData("x.html", "<a href=\"&#0000000000106;avascript:alert(1)\">x</a>\n", "(1,1): error BSG0305")]
    [InlineData("x.html", "<a href=\"&#x000000006A;avascript:alert(1)\">x</a>\n", "(1,1): error BSG0305")]
    [InlineData("x.html", "<a href=\"java&Tab;script&colon;alert(1)\">x</a>\n", "(1,1): error BSG0305")]
    [InlineData("x.html", "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>\n", "(1,1): error BSG0303")]
    [InlineData("x.html", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>\n", "(1,1): error BSG0305")]
    [InlineData("x.html", "<meta http-equiv=\"Refresh\" content=\"0; url=https://evil.example/\">\n", "(1,1): error BSG0307")]
    [InlineData("x.html", "<base href=\"https://evil.example/\">\n", "(1,1): error BSG0307")]
    [InlineData("x.html", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n", "error BSG0304")]
    [InlineData("x.html", "<div><template shadowrootmode=\"open\"><img src=x onerror=alert(1)></template></div>\n", "error BSG0304")]
    [InlineData("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n", "(1,1): error BSG0304")]
    [InlineData("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a><animate attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/><text y=\"20\">x</text></a>\n</svg>\n", "(2,4): error BSG0308")]
    [InlineData("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a>\n</svg>\n", "(2,4): error BSG0308")]
    [InlineData("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>\n", "error BSG0305")]
    [InlineData("x.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:h=\"http://www.w3.org/1999/xhtml\"><body><h:script>alert(1)</h:script></body></html>\n", "error BSG0302")]
    [InlineData("sub/x.xml", "<x xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:img src=\"x\" h:onerror=\"alert(1)\"/></x>\n", "error BSG0304")]
    public void A_static_file_from_content_is_held_to_the_html_policy(string file, string text, string expected)
    {
        using var site = SiteFixture.Create(Site);
        site.Write("content/" + file, text);

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains(expected.StartsWith('(') ? $"content/{file}{expected}" : $"content/{file}(", run.Out, StringComparison.Ordinal);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.False(site.OutputExists(file));
    }

    [Theory]
    [InlineData("x.html", "<!doctype html>\n<title>Handout</title>\n<h1>Exercises</h1>\n<p><a href=\"index.html\">Home</a> <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\"></p>\n")]
    [InlineData("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/><animate attributeName=\"opacity\" from=\"0\" to=\"1\" dur=\"1s\"/></svg>\n")]
    public void A_clean_static_file_is_published(string file, string text)
    {
        using var site = SiteFixture.Create(Site);
        site.Write("content/" + file, text);

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Equal(text, site.ReadOutput(file));
    }

    [Theory]
    [InlineData("<a href=\"&#0000000000106;avascript:alert(1)\">x</a>", "error BSG0305")]
    [InlineData("<svg><a><animate attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>", "error BSG0308")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", "error BSG0307")]
    [InlineData("<base href=\"https://evil.example/\">", "error BSG0307")]
    public void Raw_html_in_a_page_is_held_to_the_same_policy(string html, string expected)
    {
        using var site = SiteFixture.Create(Site);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nText.\n\n" + html + "\n");

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains($"content/a.md(7,", run.Out, StringComparison.Ordinal);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }
}
