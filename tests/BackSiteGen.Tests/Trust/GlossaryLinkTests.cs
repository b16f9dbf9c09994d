using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Trust.Report;

namespace BackSiteGen.Tests.Trust;

public sealed class GlossaryLinkTests
{
    [Fact]
    public void Terms_in_code_and_links_and_on_the_glossary_page_stay_plain_and_links_get_the_base_path()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            review: { enabled: false }
            -- content/glossary.yml --
            - term: Basivertebral nerve
              definition: A nerve inside each spine bone.
            - term: Basivertebral nerve ablation
              definition: A procedure that switches that nerve off.
            -- content/a.md --
            ---
            title: A
            description: A
            ---
            Not `basivertebral nerve` in code, nor [basivertebral nerve](b.md) in a link, but *Basivertebral nerve ablation* here and the basivertebral nerve there.
            -- content/b.md --
            ---
            title: B
            description: B
            ---
            B.
            -- content/words.md --
            ---
            title: Words
            description: W
            layout: glossary
            ---
            The basivertebral nerve is listed below.
            """);

        var result = site.Build(baseUrl: "https://owner.github.io/repo/");
        var a = site.ReadOutput("a/index.html");

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains("<code>basivertebral nerve</code>", a, StringComparison.Ordinal);
        Assert.Contains(">basivertebral nerve</a> in a link", a, StringComparison.Ordinal);
        // Longest match first: the whole procedure name, not the nerve inside it.
        Assert.Contains("<em><a class=\"term\" href=\"/repo/words/#basivertebral-nerve-ablation\" aria-describedby=\"glossary-def-basivertebral-nerve-ablation\">Basivertebral nerve ablation</a>", a, StringComparison.Ordinal);
        Assert.Contains("the <a class=\"term\" href=\"/repo/words/#basivertebral-nerve\"", a, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"term\"", site.ReadOutput("words/index.html"), StringComparison.Ordinal);
        Assert.Contains("<dt id=\"basivertebral-nerve-ablation\">Basivertebral nerve ablation</dt>", site.ReadOutput("words/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_renders_as_a_markdown_table_for_the_job_summary()
    {
        var report = new TrustReport([new PageReport("/a/", "content/a.md", 120, 5.25, 80.04, 7, new DateOnly(2026, 1, 10), new DateOnly(2028, 1, 10), "Team | A", 3, 2, 1, 0)]);

        var markdown = TrustReportWriter.ToMarkdown(report);

        Assert.Contains("| URL | Words | Grade | Ease | Reviewed | Next review | Reviewer | Citations | Outbound | Warnings |", markdown, StringComparison.Ordinal);
        Assert.Contains("| /a/ | 120 | 5.3 | 80.0 | 2026-01-10 | 2028-01-10 | Team \\| A | 3 | 2 | 1 |", markdown, StringComparison.Ordinal);
    }
}
