using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Citations;

/// <summary>pandoc's whole citation grammar through a real build: what is not understood fails at its own line and
/// column, in-text citations and citations in footnotes are numbered, and nothing reaches readers as literal text.</summary>
public sealed class CitationGrammarBuildTests
{
    private const string Site = """
        -- content/site.yml --
        review: { enabled: false }
        -- content/references.yaml --
        references:
          - {id: a, type: book, author: [{family: Alpha, given: Ann}], title: First book, publisher: Press, issued: 2020}
          - {id: b, type: book, author: [{family: Beta, given: Bo}], title: Second book, publisher: Press, issued: 2021}

        """;

    [Fact]
    public void Citations_not_understood_fail_at_their_line_and_column_saying_what_was_understood()
    {
        using var site = SiteFixture.Create(Site + """
            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Good [@a]. Bad [@a;] and [@b,].

            See ![Chart @a](chart.png) and [the study @b](https://example.org/).
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "content/page.md(5,16): error BSG0511: '[@a;]' looks like a citation but is not one: understood @a, then an empty part follows ';'.",
                "content/page.md(5,26): error BSG0511: '[@b,]' looks like a citation but is not one: understood @b, then nothing follows the ',' after the key: write a locator such as 'p. 33', or remove the comma.",
                "content/page.md(7,13): error BSG0513: The image's alt text holds the citation '@a'; alt text is plain text, so put the citation after the image.",
                "content/page.md(7,43): error BSG0512: The link text holds the citation '@b', which would put a link inside a link; put the citation after the link.",
            ],
            result.Errors().Where(e => e.Contains("BSG051", StringComparison.Ordinal)));
    }

    [Fact]
    public void In_text_citations_and_citations_in_footnotes_are_numbered_and_listed()
    {
        using var site = SiteFixture.Create(Site + """
            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            @b [p. 33] found it first.[^1]

            [^1]: Later confirmed [see @a, pp. 3-5].
            """);

        var result = site.Build();

        Assert.Empty(result.Lines());
        var html = site.ReadOutput("page/index.html");
        Assert.Contains("""<p><sup class="citation"><a id="cite-b" href="#ref-b" aria-label="Reference 1">1</a><span class="locator">(p33)</span></sup> found it first.""", html, StringComparison.Ordinal);
        Assert.Contains("""Later confirmed <sup class="citation">see <a id="cite-a" href="#ref-a" aria-label="Reference 2">2</a><span class="locator">(pp3-5)</span></sup>.""", html, StringComparison.Ordinal);
        Assert.Contains("""<li id="ref-b">Beta B. <i>Second Book</i>. Press; 2021.""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[^1]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@b", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_at_sign_that_is_not_a_citation_says_how_to_write_it()
    {
        using var site = SiteFixture.Create(Site + """
            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Follow @nhs for news [@a].
            """);

        var result = site.Build();

        Assert.Equal(["content/page.md(5,8): error BSG0506: No source has the key 'nhs' in content/references.yaml. If this '@' is not a citation, write \\@."], result.Errors());
    }

    [Fact]
    public void A_broken_entry_no_page_cites_warns_and_the_build_succeeds_but_citing_it_fails()
    {
        const string Broken = """
            -- content/site.yml --
            review: { enabled: false }
            -- content/references.json --
            [
              {"id": "a", "type": "book", "title": "A book", "publisher": "Press", "issued": {"date-parts": [["2020"]]}},
              {"id": "nodate", "type": "book", "title": "No date", "issued": {"date-parts": [["someday"]]}}
            ]

            """;
        using var uncited = SiteFixture.Create(Broken + """
            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Text [@a].
            """);
        using var cited = SiteFixture.Create(Broken + """
            -- content/page.md --
            ---
            title: Page
            description: P
            ---
            Text [@a; @nodate].
            """);

        var warned = uncited.Build();
        var failed = cited.Build();

        Assert.True(warned.Succeeded, string.Join('\n', warned.Lines()));
        Assert.Contains("content/references.json(3,66): warning BSG0502: 'issued' must be a date such as {date-parts: [[2024, 3, 1]]}, 2024-03-01, [{year: 2024, month: 3}] or {literal: …}. (No page cites 'nodate', so this is a warning.)", warned.Lines());
        Assert.False(failed.Succeeded);
        Assert.Equal(["content/references.json(3,66): error BSG0502: 'issued' must be a date such as {date-parts: [[2024, 3, 1]]}, 2024-03-01, [{year: 2024, month: 3}] or {literal: …}."], failed.Errors());
    }
}
