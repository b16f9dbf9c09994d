using BackSiteGen.Checks;

namespace BackSiteGen.Tests.Checks;

public sealed class HtmlFactsExtractorTests
{
    [Fact]
    public void Finds_ids_names_and_every_kind_of_url_with_positions()
    {
        const string html = "<!doctype html>\n<head><link rel=\"icon\" href=\"/i.png\"><link rel=\"alternate\" href=\"/feed.xml\">\n"
            + "<meta http-equiv=\"Refresh\" content=\"3;URL='/next/'\"><script src=\"/s.js\">var x = \"<a href='/no/'>\";</script>\n"
            + "<style>a { background: url(/no.png) }</style><title>&lt;a href=\"/no/\"&gt;</title></head>\n"
            + "<body><h2 id=\"caf&eacute;\">x</h2><a name=\"old\" href=\"a&amp;b\">y</a><!-- <a href=\"/no/\"> -->\n"
            + "<img src=\"i.png\" srcset=\"a.png 1x, b,c.png 2x\"><picture><source srcset=\"w.webp 100w\"></picture>\n"
            + "<video src=\"v.mp4\" poster=\"p.jpg\"><source src=\"v.webm\"></video><audio src=\"a.mp3\"></audio><iframe src=\"/f/\"><a href=\"/no/\"></iframe>\n"
            + "<map><area href=\"/area/\"></map><textarea><a href=\"/no/\"></textarea></body>";

        var facts = HtmlFactsExtractor.Extract(html, "index.html");

        Assert.Equal(
            ["/i.png Icon", "/feed.xml PageLink", "/next/ Refresh", "/s.js Script", "/no.png Image", "a&b Hyperlink", "i.png Image", "a.png Image", "b,c.png Image", "w.webp Image", "v.mp4 Media", "p.jpg Media", "v.webm Media", "a.mp3 Media", "/f/ Frame", "/area/ Hyperlink"],
            facts.Links.Select(l => $"{l.Url} {l.Element}"));
        Assert.Equal(["café", "old"], facts.Ids.Keys.Order(StringComparer.Ordinal));
        var script = facts.Links.Single(l => l.Url == "/s.js");
        Assert.Equal((3, 61), (script.Line, script.Column));
    }

    [Fact]
    public void Lines_and_columns_survive_long_minified_lines()
    {
        var html = "<p>" + new string('x', 70_000) + "<a href=\"/far/\">far</a>\n<a href=\"/next/\">";

        var facts = HtmlFactsExtractor.Extract(html, "index.html");

        Assert.Equal((1, 70_007), (facts.Links[0].Line, facts.Links[0].Column));
        Assert.Equal((2, 4), (facts.Links[1].Line, facts.Links[1].Column));
    }

    [Theory]
    [InlineData("<style>a{}</STYLE ><a href=\"/x/\">")]
    [InlineData("<style>a{}</style/><a href=\"/x/\">")]
    [InlineData("<Style>a{}</sTyLe\n><a href=\"/x/\">")]
    [InlineData("<style>a</styles><a href=/no></st\u017Fle><a href=/no></style\t><a href=\"/x/\">")]
    [InlineData("<title>&lt;a href=/no></title\r\n><a href=\"/x/\">")]
    [InlineData("<textarea><a href=/no></textareas></TEXTAREA><a href=\"/x/\">")]
    [InlineData("<script>var a = '<a href=/no>';</SCRIPT><a href=\"/x/\">")]
    [InlineData("<script><!-- <script></script><a href=/no> --></script><a href=\"/x/\">")]
    [InlineData("<xmp><a href=/no></xmp><iframe src=\"/x/\"><a href=/no></iframe>")]
    public void Text_elements_end_only_at_their_own_end_tag(string html)
    {
        var facts = HtmlFactsExtractor.Extract(html, "index.html");

        var link = Assert.Single(facts.Links);
        var attribute = html.LastIndexOf(' ', html.IndexOf("\"/x/\"", StringComparison.Ordinal)) + 1;
        Assert.Equal(("/x/", attribute), (link.Url, link.Offset));
    }

    [Fact]
    public void An_unclosed_style_runs_to_the_end_of_the_page()
    {
        var facts = HtmlFactsExtractor.Extract("<a href=\"/before/\"><style>a { }\n<a href=\"/no/\"></styl", "index.html");

        Assert.Equal("/before/", Assert.Single(facts.Links).Url);
    }

    [Fact]
    public void Links_after_a_long_style_block_keep_their_lines_and_columns()
    {
        var css = string.Concat(Enumerable.Repeat("p { margin: 0; }\r\n", 500));
        var html = $"<head>\n<style>{css}</style>\n<link rel=\"stylesheet\" href=\"/s.css\"></head>\n<body>\n  <h2 id=\"top\">x</h2><a href=\"#top\">up</a>";

        var facts = HtmlFactsExtractor.Extract(html, "index.html");

        Assert.Equal(["/s.css 503:24", "#top 505:25"], facts.Links.Select(l => $"{l.Url} {l.Line}:{l.Column}"));
        Assert.Equal(html.IndexOf("id=", StringComparison.Ordinal), facts.Ids["top"]);
    }

    [Fact]
    public void A_style_sheet_seen_on_the_last_page_gives_its_urls_at_this_pages_places()
    {
        // The URLs of a style text equal to the last page's are reused: they must come out placed as a fresh scan places them.
        const string css = "@font-face { src: url(f.woff2) }\nbody { background: url('/b.png') }\n";
        var first = HtmlFactsExtractor.Extract($"<style>{css}</style>", "a.html");
        var second = HtmlFactsExtractor.Extract($"<!doctype html>\n<head>\n  <style>{css}</style><a href=\"/x/\">", "b.html");
        var other = HtmlFactsExtractor.Extract($"<p>\n<style>{css}p {{ background: url(c.png) }}</style>", "c.html");
        var again = HtmlFactsExtractor.Extract($"<style>{css}</style>", "d.html");

        Assert.Equal(["f.woff2 Font 1:30", "/b.png Image 2:25"], first.Links.Select(l => $"{l.Url} {l.Element} {l.Line}:{l.Column}"));
        Assert.Equal(["f.woff2 Font 3:32", "/b.png Image 4:25", "/x/ Hyperlink 5:12"], second.Links.Select(l => $"{l.Url} {l.Element} {l.Line}:{l.Column}"));
        Assert.Equal(["f.woff2 Font 2:30", "/b.png Image 3:25", "c.png Image 4:21"], other.Links.Select(l => $"{l.Url} {l.Element} {l.Line}:{l.Column}"));
        Assert.Equal(first.Links.Select(l => (l.Url, l.Offset, l.Line, l.Column)), again.Links.Select(l => (l.Url, l.Offset, l.Line, l.Column)));
    }

    [Fact]
    public void A_noncharacter_in_the_text_does_not_end_the_page()
    {
        var facts = HtmlFactsExtractor.Extract("<p>\uffff</p>\n<a href=\"/after/\">", "index.html");

        Assert.Equal("/after/", Assert.Single(facts.Links).Url);
        Assert.Equal((2, 4), (facts.Links[0].Line, facts.Links[0].Column));
    }

    [Fact]
    public void Css_urls_and_imports_are_found_outside_comments_and_strings()
    {
        var facts = CssUrlExtractor.Extract("/* url(no.png) */\n@import \"a.css\";\n@import url(b.css);\np { content: \"url(no)\"; background: URL( 'c.png' ) }\n", "x.css");

        Assert.Equal(["a.css", "b.css", "c.png"], facts.Links.Select(l => l.Url));
        Assert.Equal((4, 43), (facts.Links[2].Line, facts.Links[2].Column));
    }
}
