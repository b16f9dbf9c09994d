using System.Text.RegularExpressions;
using BackSiteGen.Templates;
using BackSiteGen.Tests.Infrastructure;
using QRCoder;

namespace BackSiteGen.Tests.Theme;

/// <summary>The theme's ways in and paper helpers: QR codes, the "report a problem" e-mail, URL break points and
/// the "Find a topic" A to Z built from <c>topics:</c> front matter and the glossary.</summary>
public sealed partial class ReaderFunctionsTests
{
    private const string Site = """
        -- content/site.yml --
        title: Back site
        description: D
        base_url: https://example.org/back/
        feedback_email: help@example.org
        review: { enabled: false }
        -- content/index.md --
        ---
        title: Home
        description: Home page.
        ---
        Welcome.
        -- content/get-help-now.md --
        ---
        title: Help & advice now
        description: When to get help.
        topics: [Cauda equina syndrome, Emergency signs]
        ---
        Call now.
        -- content/treatments.md --
        ---
        title: Treatments
        description: What helps.
        topics: Heat and ice
        ---
        Heat helps some people.
        -- content/glossary.md --
        ---
        title: Glossary
        description: Words.
        layout: glossary
        ---
        Words.
        -- content/glossary.yml --
        - term: Cauda equina syndrome
          definition: A rare emergency.
        - term: Ablation
          definition: Switching off a nerve.
        -- content/find-a-topic.md --
        ---
        title: Find a topic
        description: A to Z.
        layout: topics
        ---
        Pick a letter.
        """;

    [Fact]
    public void The_qr_code_draws_exactly_the_modules_qrcoder_computes_and_the_same_bytes_every_time()
    {
        const string url = "https://example.org/exercises/cat-cow/";
        var svg = ReaderFunctions.QrSvg(url, "QR code for cat-cow");
        Assert.Equal(svg, ReaderFunctions.QrSvg(url, "QR code for cat-cow"));
        Assert.StartsWith("<svg class=\"qr\"", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"QR code for cat-cow\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.Ordinal);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        var drawn = new bool[size, size];
        foreach (Match run in Run().Matches(svg))
        {
            var (x, y, length) = (int.Parse(run.Groups[1].Value), int.Parse(run.Groups[2].Value), int.Parse(run.Groups[3].Value));
            for (var i = 0; i < length; i++)
            {
                drawn[y, x + i] = true;
            }
        }

        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                Assert.True(data.ModuleMatrix[y][x] == drawn[y, x], $"Module ({x}, {y}) differs.");
            }
        }
    }

    [Fact]
    public void A_mailto_url_encodes_spaces_as_percent_20_and_keeps_ampersands_and_new_lines_inside_its_fields()
    {
        var url = ReaderFunctions.MailtoUrl("help@example.org", "Problem with the page: Help & advice", "Address: https://example.org/a/?x=1&y=2\n");
        Assert.Equal("mailto:help@example.org?subject=Problem%20with%20the%20page%3A%20Help%20%26%20advice&body=Address%3A%20https%3A%2F%2Fexample.org%2Fa%2F%3Fx%3D1%26y%3D2%0A", url);
        Assert.Null(ReaderFunctions.MailtoUrl(" ", "s", "b"));
    }

    [Fact]
    public void Long_urls_get_break_points_in_their_text_only_so_what_a_reader_copies_is_unchanged()
    {
        const string html = """doi:<a href="https://doi.org/10.7326/M16-2367">10.7326/M16-2367</a> <a href="https://www.example.com/contents/a-b?topic=7&amp;x=1">https://www.example.com/contents/a-b?topic=7&amp;x=1</a>""";
        var broken = ReaderFunctions.BreakUrls(html);
        Assert.Contains("""<a href="https://www.example.com/contents/a-b?topic=7&amp;x=1">https://www<wbr>.example<wbr>.com/<wbr>contents/<wbr>a-<wbr>b?<wbr>topic=<wbr>7&amp;<wbr>x=<wbr>1</a>""", broken, StringComparison.Ordinal);
        Assert.Contains("""<a href="https://doi.org/10.7326/M16-2367">10.7326/M16-2367</a>""", broken, StringComparison.Ordinal);
        Assert.Equal(html, broken.Replace("<wbr>", string.Empty, StringComparison.Ordinal));
        Assert.Contains("search=<wbr>basivertebral%20<wbr>nerve%20<wbr>ablation", ReaderFunctions.BreakUrls("""<a href="https://example.org/contents?search=basivertebral%20nerve%20ablation">https://example.org/contents?search=basivertebral%20nerve%20ablation</a>"""), StringComparison.Ordinal);
        const string shortUrl = """<a href="https://example.net/c">https://example.net/c</a>""";
        Assert.Equal(shortUrl, ReaderFunctions.BreakUrls(shortUrl));
    }

    [Fact]
    public void Find_a_topic_lists_front_matter_topics_and_glossary_terms_a_to_z_each_linking_to_the_page_that_explains_it()
    {
        using var site = SiteFixture.Create(Site);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("find-a-topic/index.html");
        Assert.Contains("""<li><a href="#letter-a">A</a></li>""", html, StringComparison.Ordinal);
        var a = html.IndexOf("id=\"letter-a\"", StringComparison.Ordinal);
        var c = html.IndexOf("id=\"letter-c\"", StringComparison.Ordinal);
        var e = html.IndexOf("id=\"letter-e\"", StringComparison.Ordinal);
        var h = html.IndexOf("id=\"letter-h\"", StringComparison.Ordinal);
        Assert.True(a > 0 && a < c && c < e && e < h, "The letters should come in A to Z order.");
        // One entry for a name the help page and the glossary share, with both links.
        Assert.Contains("""<li><span class="az-name">Cauda equina syndrome</span>""" + "\n<ul>\n" + """<li><a href="/back/get-help-now/">Help &amp; advice now</a></li>""" + "\n" + """<li><a href="/back/glossary/#cauda-equina-syndrome">Meaning in the glossary</a></li>""", html, StringComparison.Ordinal);
        Assert.Contains("""<li><span class="az-name">Heat and ice</span>""" + "\n<ul>\n" + """<li><a href="/back/treatments/">Treatments</a></li>""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="/back/glossary/#ablation">Meaning in the glossary</a>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_links_to_find_a_topic_from_its_header_and_has_a_report_link_with_its_title_and_address()
    {
        using var site = SiteFixture.Create(Site);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var help = site.ReadOutput("get-help-now/index.html");
        var header = help[help.IndexOf("<header", StringComparison.Ordinal)..help.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Contains("""<a href="/back/find-a-topic/">Find a topic</a>""", header, StringComparison.Ordinal);
        Assert.Contains("""<a href="#menu">Menu</a>""", header, StringComparison.Ordinal);
        Assert.Contains("""<nav id="menu" class="footer-nav" aria-labelledby="menu-title" tabindex="-1">""", help, StringComparison.Ordinal);
        Assert.Contains("""<a href="mailto:help@example.org?subject=Problem%20with%20the%20page%3A%20Help%20%26%20advice%20now&amp;body=Page%3A%20Help%20%26%20advice%20now%0AAddress%3A%20https%3A%2F%2Fexample.org%2Fback%2Fget-help-now%2F%0A%0A""", help, StringComparison.Ordinal);
        Assert.Contains(">Report a problem with this page</a>", help, StringComparison.Ordinal);

        var missing = site.ReadOutput("404.html");
        Assert.Contains("""<a href="mailto:help@example.org?subject=Broken%20link%20on%20Back%20site&amp;body=""", missing, StringComparison.Ordinal);
        Assert.Contains("""<a href="/back/find-a-topic/">Find a topic</a>""", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_that_are_not_text_are_an_error_at_their_line()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: T
            description: D
            base_url: https://example.org/
            review: { enabled: false }
            -- content/index.md --
            ---
            title: Home
            description: Home page.
            topics: { heat: ice }
            ---
            Hello.
            """);
        var result = site.Build(strict: true);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Lines(), l => l.StartsWith("content/index.md(4,9): error BSG0206:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exercise_picture_without_alt_text_is_an_error_and_an_unknown_key_a_warning_at_their_lines()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: T
            description: D
            base_url: https://example.org/
            review: { enabled: false }
            -- content/index.md --
            ---
            title: Home
            description: Home page.
            layout: exercise
            exercise:
              pictures:
                - label: Start
                  image: images/start.svg
                  alt: On hands and knees.
                - label: End
                  image: images/end.svg
                  alt_text: Back rounded.
            ---
            Hello.
            -- content/images/start.svg --
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200"><title>Start</title></svg>
            -- content/images/end.svg --
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200"><title>End</title></svg>
            """);
        var result = site.Build();
        var lines = result.Lines().ToList();
        Assert.Contains(lines, l => l.StartsWith("content/index.md(10,7): error BSG0850: This exercise picture has no 'alt'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/index.md(12,7): warning BSG0851: Unknown key 'alt_text' in an exercise picture.", StringComparison.Ordinal));
    }

    [Fact]
    public void Exercise_pictures_are_figures_with_their_label_in_text_alt_text_and_the_files_own_size()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: T
            description: D
            base_url: https://example.org/
            review: { enabled: false }
            -- content/index.md --
            ---
            title: Home
            description: Home page.
            layout: exercise
            exercise:
              pictures:
                - label: Start
                  caption: Steps 1 and 2
                  image: images/start.svg
                  alt: On hands and knees, back flat.
            ---
            Hello.
            -- content/images/start.svg --
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200"><title>Start</title></svg>
            """);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains("""<li><figure>""" + "\n" + """<img class="exercise-image" src="/images/start.svg" alt="On hands and knees, back flat." width="320" height="200">""" + "\n" + """<figcaption><span class="picture-label">Start</span> <span class="picture-step">(Steps 1 and 2)</span></figcaption>""", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Run();
}
