using BackSiteGen.Checks;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Inputs that made the build super-linear: each is now bounded by construction. The tests assert what the writer
/// sees (the same suggestions, a count instead of half a million lines, a located error), never a time.</summary>
public sealed class LinearTimeTests
{
    private static readonly List<(string Key, string Name, bool IsPage)> Candidates =
    [
        ("treatments/heat", "treatments/heat.md", true),
        ("treatments/heat.md", "treatments/heat.md", true),
        ("treatments/nerve-ablation", "treatments/nerve-ablation.md", true),
        ("exercises/bird-dog", "exercises/bird-dog.md", true),
        ("assets/site.css", "assets/site.css", false),
    ];

    [Theory]
    [InlineData("treatments/haet.md", "treatments/heat.md")]
    [InlineData("treatments/hea", "treatments/heat.md")]
    [InlineData("treatments/heats", "treatments/heat.md")]
    [InlineData("condition/heat.md", null)]
    [InlineData("exercises/bird-dgo", "exercises/bird-dog.md")]
    [InlineData("treatments/nerve-ablaton", "treatments/nerve-ablation.md")]
    [InlineData("treatments/surgery", null)]
    public void The_index_finds_the_suggestion_that_measuring_every_page_found(string wrong, string? expected)
    {
        var index = new SuggestionIndex(Candidates);

        Assert.Equal(expected, index.Suggest(wrong, pagesOnly: true));
    }

    [Fact]
    public void Files_are_suggested_only_for_loaded_resources()
    {
        var index = new SuggestionIndex(Candidates);

        Assert.Null(index.Suggest("assets/site.cs", pagesOnly: true));
        Assert.Equal("assets/site.css", index.Suggest("assets/site.cs", pagesOnly: false));
    }

    [Fact]
    public void A_page_with_thousands_of_duplicate_ids_lists_a_hundred_then_a_count()
    {
        var html = "<!doctype html><html lang=en><title>t</title>" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p id=\"d{i % 1000}\">x</p>\n"));
        var facts = HtmlFactsExtractor.Extract(html, "index.html");

        Assert.Equal(2000, facts.DuplicateIds.Count);
        Assert.Equal((1002, 4), (facts.DuplicateIds[1].Again.Line, facts.DuplicateIds[1].Again.Column));
        Assert.Equal(2, facts.DuplicateIds[1].First.Line);

        using var site = SiteFixture.Create("-- public/index.html --\n" + html);
        using var stdout = new StringWriter();
        BackSiteGen.Cli.CliApp.Run(["check", "--site", Path.Combine(site.Root, "public")], stdout, TextWriter.Null);
        var lines = stdout.ToString().Split('\n');

        Assert.Equal(100, lines.Count(l => l.Contains("is used twice on this page (first at", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("error BSG0604: 1,900 more ids are used twice on this page; only the first 100 are listed.", StringComparison.Ordinal));
    }

    [Fact]
    public void Half_a_megabyte_of_unclosed_links_is_a_located_error()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + "-- content/index.md --\n---\ntitle: Home\ndescription: D\n---\nIntro.\n\n" + string.Concat(Enumerable.Repeat("[a](b", 100_000)) + "\n");

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("content/index.md(7,1): error BSG0309: This paragraph has more than 1000 unclosed links", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_with_many_ordinary_links_still_builds()
    {
        var links = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"[link {i}](#top)"));
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + "-- content/index.md --\n---\ntitle: Home\ndescription: D\n---\n" + links + "\n");

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
    }
}
