using BackSiteGen.Config;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Values from site.yml, front matter and the bibliography that tried to become markup or a script link: each is
/// refused at its line, or escaped for the attribute it lands in. These run with the repository's default theme.</summary>
public sealed class EscapingTests
{
    private const string Page = """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Hello.
        """;

    [Theory]
    [InlineData("language: 'en\"><script>alert(1)</script>'", "content/site.yml(2,11): error BSG0104")]
    [InlineData("language: en_US", "error BSG0104")]
    [InlineData("publisher: { name: P, url: 'javascript:alert(1)' }", "error BSG0105")]
    [InlineData("publisher: { name: P, url: 'https://x.example/\" onmouseover=\"alert(1)' }", "")]
    [InlineData("feedback_email: 'a@b.example\" onmouseover=\"alert(1)'", "error BSG0103")]
    public void A_site_yml_value_cannot_become_markup(string line, string expected)
    {
        using var site = SiteFixture.Create("-- content/site.yml --\nreview: { enabled: false }\n" + line + "\n" + Page);

        var run = CliRun.Build(site);

        if (expected.Length > 0)
        {
            Assert.Equal(1, run.Code);
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
            return;
        }

        Assert.True(run.Code == 0, run.All);
        var html = site.ReadOutput("index.html");
        Assert.DoesNotContain("\" onmouseover=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.example/%22%20onmouseover=%22alert(1)\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("es-419", true)]
    [InlineData("sl-rozaj-biske", true)]
    [InlineData("x-private", true)]
    [InlineData("en-", false)]
    [InlineData("e", false)]
    [InlineData("en GB", false)]
    [InlineData("en\"", false)]
    public void Language_tags_are_bcp_47(string tag, bool valid) => Assert.Equal(valid, ValueShapes.IsLanguageTag(tag));

    [Fact]
    public void Front_matter_exercise_values_are_escaped_in_their_attributes()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Page + "\n" + """
            -- content/x.svg --
            <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>
            -- content/ex.md --
            ---
            title: Ex
            description: D
            layout: exercise
            exercise:
              image: x.svg
              image_alt: A
              image_width: '1" onload="alert(1)'
              image_height: 2
            ---
            Text.
            """);

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        var html = site.ReadOutput("ex/index.html");
        Assert.Contains("width=\"1&quot; onload=&quot;alert(1)\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bibliography_url_that_is_not_http_is_an_error_at_its_line()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            As shown [@a].
            -- content/references.yaml --
            - id: a
              type: webpage
              title: A page
              issued: { date-parts: [[2024]] }
              URL: javascript:alert(1)
            """);

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("content/references.yaml(5,8): error BSG0105", run.Out, StringComparison.Ordinal);
    }
}
