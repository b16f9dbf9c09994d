using BackSiteGen.Config;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Internal limits that say so: each is a located error, and plain large data is not mistaken for an attack.</summary>
public sealed class LimitTests
{
    [Fact]
    public void A_layout_that_makes_a_page_over_the_limit_is_an_error_at_the_layout()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            Hello.
            -- themes/default/layouts/page.html --
            {{ x = "a" | string.pad_left 15000000 }}<main>{{ x }}{{ x }}{{ x }}{{ page.content }}</main>
            """);

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("themes/default/layouts/page.html(1,1): error BSG0306: The layout made a page of 42 MB from", run.Out, StringComparison.Ordinal);
        Assert.False(site.OutputExists("index.html"));
    }

    [Fact]
    public void A_plain_bibliography_of_500_entries_loads()
    {
        var entries = string.Concat(Enumerable.Range(0, 500).Select(i => $"- id: ref{i}\n  type: article-journal\n  title: Study {i}\n  author: [{{ family: Doe, given: J }}, {{ family: Roe, given: K }}]\n  container-title: Journal\n  issued: {{ date-parts: [[2020]] }}\n  volume: '{i}'\n  page: 1-10\n"));

        Assert.Null(YamlShapeGuard.Check(entries));
    }

    [Fact]
    public void A_plain_glossary_of_2000_terms_loads()
    {
        var terms = string.Concat(Enumerable.Range(0, 2000).Select(i => $"- term: word{i}\n  aliases: [w{i}, wd{i}]\n  definition: The meaning of word {i}.\n"));

        Assert.Null(YamlShapeGuard.Check(terms));
    }

    [Fact]
    public void Aliases_that_expand_past_the_limit_are_still_refused()
    {
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";

        var problem = YamlShapeGuard.Check(laughs);

        Assert.NotNull(problem);
        Assert.Contains("through anchors and aliases", problem.Value.Message, StringComparison.Ordinal);
    }
}
