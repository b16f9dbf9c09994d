using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Citations;

/// <summary>Citations through the whole build: numbering, the page's list, the references page and every check.</summary>
public sealed class CitationBuildTests
{
    // These tests are about citations; the review cycle has tests of its own.
    private const string NoReviewCycle = "-- content/site.yml --\nreview: { enabled: false }\n";

    private const string Bibliography = """
        -- content/references.yaml --
        references:
          - id: a
            type: article-journal
            author: [{family: Alpha, given: Ann}]
            title: First study
            container-title-short: J A
            issued: {date-parts: [[2020]]}
            volume: "1"
            page: 1-2
            DOI: 10.1000/a
          - id: b
            type: article-journal
            author: [{family: Beta, given: Bo-Ra}]
            title: Second study
            container-title-short: J B
            issued: {date-parts: [[2021]]}
            DOI: 10.1000/b
          - id: c
            type: webpage
            author: [{literal: Gamma Group}]
            title: A web page
            container-title: UpToDate
            issued: {date-parts: [[2025, 9, 12]]}
            URL: https://reference.example.net/c
          - id: smith2020
            type: book
            author: [{family: Smith, given: Sam}]
            title: A book
            publisher: Press
            issued: 2020
        """;

    [Fact]
    public void The_issue_example_numbers_1_then_2_1_then_3_then_1_and_lists_a_b_c_with_doi_links()
    {
        using var site = SiteFixture.Create(NoReviewCycle + Bibliography + """

            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            One [@a]. Two [@b; @a]. Three [@c]. Four [@a].
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("page/index.html");
        Assert.Contains("""One <sup class="citation"><a id="cite-a" href="#ref-a" aria-label="Reference 1">1</a></sup>. Two <sup class="citation"><a id="cite-b" href="#ref-b" aria-label="Reference 2">2</a>,<a href="#ref-a" aria-label="Reference 1">1</a></sup>. Three <sup class="citation"><a id="cite-c" href="#ref-c" aria-label="Reference 3">3</a></sup>. Four <sup class="citation"><a href="#ref-a" aria-label="Reference 1">1</a></sup>.""", html, StringComparison.Ordinal);
        Assert.Contains("""
            <section class="references" aria-labelledby="references">
            <h2 id="references">References</h2>
            <ol>
            <li id="ref-a">Alpha A. First study. <i>J A</i>. 2020;1:1-2. doi:<a href="https://doi.org/10.1000/a">10.1000/a</a> <a class="backlink" href="#cite-a" aria-label="Back to citation 1">&#8617;&#xFE0E;</a></li>
            <li id="ref-b">Beta BR. Second study. <i>J B</i>. Published online 2021. doi:<a href="https://doi.org/10.1000/b">10.1000/b</a> <a class="backlink" href="#cite-b" aria-label="Back to citation 2">&#8617;&#xFE0E;</a></li>
            <li id="ref-c">Gamma Group. A web page. UpToDate. Published September 12, 2025. <a href="https://reference.example.net/c">https://reference.example.net/c</a> <a class="backlink" href="#cite-c" aria-label="Back to citation 3">&#8617;&#xFE0E;</a></li>
            </ol>
            </section>
            """, html, StringComparison.Ordinal);
        Assert.DoesNotContain("ref-smith2020", html, StringComparison.Ordinal);
        Assert.Equal(["content/references.yaml(25,9): warning BSG0507: No page cites the source 'smith2020'; cite it with [@smith2020] or remove it."], result.Lines());
    }

    [Fact]
    public void A_range_passes_the_post_render_check_because_its_middle_entry_keeps_a_link()
    {
        using var site = SiteFixture.Create(NoReviewCycle + Bibliography + """

            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            All three [@a; @b; @c], and the book [@smith2020].
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("page/index.html");
        Assert.Contains("""<a id="cite-b" class="citation-hidden" href="#ref-b" aria-label="Reference 2">2</a><span aria-hidden="true">-</span>""", html, StringComparison.Ordinal);
        Assert.Contains("""<li id="ref-b">""", html, StringComparison.Ordinal);
        Assert.Empty(result.Lines());
    }

    [Fact]
    public void An_unknown_key_fails_the_build_at_its_file_line_and_column_with_a_did_you_mean()
    {
        using var site = SiteFixture.Create(NoReviewCycle + Bibliography + """

            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Text [@a].

            - An item with [@b; @smith2021], and `[@code]`.
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(["content/page.md(7,21): error BSG0506: No source has the key 'smith2021' in content/references.yaml. Did you mean 'smith2020'?"], result.Errors());
    }

    [Fact]
    public void A_citation_without_a_bibliography_is_an_error_that_says_so()
    {
        using var site = SiteFixture.Create(NoReviewCycle + """
            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Text [@a].
            """);

        var result = site.Build();

        Assert.Equal(["content/page.md(5,7): error BSG0506: No source has the key 'a' because the site has no content/references.yaml."], result.Errors());
    }

    [Fact]
    public void A_layout_that_drops_the_list_fails_the_post_render_check_at_the_citation()
    {
        using var site = SiteFixture.Create(NoReviewCycle + Bibliography + """

            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Text [@a] and [@b].
            -- content/plain.md --
            ---
            title: Plain
            description: No citations, so no list and nothing to check.
            ---
            Plain.
            -- themes/default/layouts/page.html --
            <!doctype html><title>{{ page.title }}</title>{{ page.content }}<p id="ref-c">A stray entry.</p><a href="#cite-zz">back</a>
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "content/page.md(1,1): error BSG0509: The built page has a back link to '#cite-zz', but no citation carries that id.",
                "content/page.md(1,1): error BSG0509: The built page lists the reference 'ref-c', but no citation on the page links to it.",
                "content/page.md(5,7): error BSG0508: The citation of 'a' links to '#ref-a', but the built page has no entry with that id (does the layout 'page' include partials/references.html?).",
                "content/page.md(5,16): error BSG0508: The citation of 'b' links to '#ref-b', but the built page has no entry with that id (does the layout 'page' include partials/references.html?).",
                "content/plain.md(1,1): error BSG0509: The built page has a back link to '#cite-zz', but no citation carries that id.",
                "content/plain.md(1,1): error BSG0509: The built page lists the reference 'ref-c', but no citation on the page links to it.",
            ],
            result.Errors().Where(l => !l.StartsWith("themes/", StringComparison.Ordinal)));

        // The layout's stray back link is also a broken anchor, which the link checker reports where the layout wrote it.
        Assert.All(result.Errors().Where(l => l.StartsWith("themes/", StringComparison.Ordinal)), l => Assert.StartsWith("themes/default/layouts/page.html(1,100): error BSG0602: The link '#cite-zz'", l, StringComparison.Ordinal));
    }

    [Fact]
    public void The_references_page_lists_every_source_with_the_pages_that_cite_it()
    {
        using var site = SiteFixture.Create(NoReviewCycle + Bibliography + """

            -- content/one.md --
            ---
            title: One
            description: O
            ---
            [@a; @b]
            -- content/two.md --
            ---
            title: Two
            description: T
            ---
            [@c] [@a]
            -- content/references.md --
            ---
            title: References
            description: Every source.
            layout: references
            ---
            Our sources.
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("references/index.html");
        Assert.Contains("""<li id="source-a">Alpha A. First study. <i>J A</i>. 2020;1:1-2. doi:<a href="https://doi.org/10.1000/a">10.1000/a</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""Cited on: <a href="/one/">One</a>, <a href="/two/">Two</a></span>""", html, StringComparison.Ordinal);
        Assert.Contains("""<li id="source-c">Gamma Group.""", html, StringComparison.Ordinal);
        Assert.Contains("""<li id="source-smith2020">Smith S. <i>A Book</i>. Press; 2020.""", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("source-a", StringComparison.Ordinal) < html.IndexOf("source-b", StringComparison.Ordinal));
        Assert.True(html.IndexOf("source-c", StringComparison.Ordinal) < html.IndexOf("source-smith2020", StringComparison.Ordinal));
        Assert.Contains("href=\"#ref-c\" aria-label=\"Reference 1\"", site.ReadOutput("two/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_bibliographies_are_an_error()
    {
        using var site = SiteFixture.Create(NoReviewCycle + Bibliography + """

            -- content/references.json --
            []
            """);

        var result = site.Build();

        Assert.Contains("content/references.json: error BSG0510: The site already has a bibliography in 'content/references.yaml'; keep one of the two files.", result.Errors());
    }

    [Fact]
    public void The_real_microsite_bibliography_loads_cleanly()
    {
        var diagnostics = new BackSiteGen.Diagnostics.DiagnosticBag();
        var bibliography = BackSiteGen.Citations.BibliographyLoader.Load(Path.Combine(Repository.Root, "content"), "content", diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        Assert.True(bibliography.References.Count >= 10);
    }

    /// <summary>Every entry of content/references.yaml against the AMA form FACTS.md (the checked seed) gives for it, as
    /// text; ours adds the DOI or URL link after it.</summary>
    public static TheoryData<string, string> FactsForms() => new()
    {
        { "lorio2022", "Lorio M, Clerk-Lamalice O, Rivera M, Lewandrowski KU. ISASS policy statement 2022: literature review of intraosseous basivertebral nerve ablation. Int J Spine Surg. 2022;16(6):1084-1094." },
        { "lorio2020", "Lorio M, Clerk-Lamalice O, Beall DP, Julien T. International Society for the Advancement of Spine Surgery guideline: intraosseous ablation of the basivertebral nerve for the relief of chronic low back pain. Int J Spine Surg. 2020;14(1):18-25." },
        { "xu2023", "Xu HR, Zhang YH, Ngo TL, Yang QH, Du SH, Wang XQ. Association between smoking and incident back pain: a prospective cohort study with 438 510 participants. J Glob Health. 2023;13:04152." },
        { "qaseem2017", "Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the American College of Physicians. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med. 2017;166(7):514-530." },
        { "fischgrund2018", "Fischgrund JS, Rhyne A, Franke J, et al. Intraosseous basivertebral nerve ablation for the treatment of chronic low back pain: a prospective randomized double-blind sham-controlled multi-center study. Eur Spine J. 2018;27(5):1146-1156." },
        { "fischgrund2019", "Fischgrund JS, Rhyne A, Franke J, et al. Intraosseous basivertebral nerve ablation for the treatment of chronic low back pain: 2-year results from a prospective randomized double-blind sham-controlled multicenter study. Int J Spine Surg. 2019;13(2):110-119." },
        { "smuck2021", "Smuck M, Khalil J, Barrette K, et al. Prospective, randomized, multicenter study of intraosseous basivertebral nerve ablation for the treatment of chronic low back pain: 12-month results. Reg Anesth Pain Med. 2021;46(8):683-693." },
        { "tieppofrancio2021", "Tieppo Francio V, Sherwood D, Twohey E, et al. Developments in minimally invasive surgical options for vertebral pain: basivertebral nerve ablation – a narrative review. J Pain Res. 2021;14:1887-1907." },
        { "chou2025mgmt", "Chou R. Subacute and chronic low back pain: management. UpToDate. Updated September 12, 2025." },
        { "chou2025interv", "Chou R, Cohen SP. Subacute and chronic low back pain: nonsurgical interventional treatment. UpToDate. Updated August 29, 2025." },
    };

    [Theory]
    [MemberData(nameof(FactsForms))]
    public void The_microsite_reference_prints_as_facts_gives_it(string key, string ama)
    {
        var diagnostics = new BackSiteGen.Diagnostics.DiagnosticBag();
        var bibliography = BackSiteGen.Citations.BibliographyLoader.Load(Path.Combine(Repository.Root, "content"), "content", diagnostics);
        var html = BackSiteGen.Citations.AmaFormatter.Html(bibliography.Find(key)!);
        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty));

        Assert.StartsWith(ama, text, StringComparison.Ordinal);
        Assert.Equal(ama.Length, text.IndexOf(" doi:", StringComparison.Ordinal) is var doi and >= 0 ? doi : text.IndexOf(" http", StringComparison.Ordinal) is var url and >= 0 ? url : text.Length);
    }
}
