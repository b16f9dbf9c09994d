using System.Text.RegularExpressions;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

/// <summary>Links a theme writes are reported where the theme wrote them: the partial's file, line and column.</summary>
public sealed class TemplateLinkTests
{
    // The problem matcher the README gives for VS Code.
    private static readonly Regex ProblemMatcher = new(@"^(.*)\((\d+),(\d+)\): (error|warning|info) (BSG\d+): (.*)$");

    private const string Theme = """
        -- content/site.yml --
        title: Back pain
        base_url: https://example.org/
        review: { enabled: false }
        readability: { enabled: false }
        -- themes/default/layouts/page.html --
        <!doctype html>
        <html lang="en"><head><title>{{ page.title }}</title></head>
        <body>
        {{ include 'partials/nav.html' }}
        <main>{{ page.content }}</main>
        </body></html>
        -- themes/default/partials/nav.html --
        <nav>
          <a href="{{ relative_url '' }}">Home</a>
            <a href="/nowhere/">Broken</a> <img alt="" src="{{ relative_url 'missing.png' }}">
        </nav>
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        ---
        Hello.
        -- content/other.md --
        ---
        title: Other
        description: Another page.
        ---
        Hello again.
        """;

    [Fact]
    public void A_broken_link_in_a_partial_is_reported_at_the_partial_once_naming_the_pages()
    {
        using var site = SiteFixture.Create(Theme);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "themes/default/partials/nav.html(3,8): error BSG0601: The link '/nowhere/' goes nowhere: there is no page or file at /nowhere/. (on content/index.md; and on 1 other page)",
                "themes/default/partials/nav.html(3,48): error BSG0603: The image '/missing.png' is not in the site: there is no page or file at /missing.png. (on content/index.md; and on 1 other page)",
            ],
            result.Errors());
        Assert.All(result.Lines(), line => Assert.Matches(ProblemMatcher, line));
        Assert.DoesNotContain(result.Lines(), line => line.Contains("output", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_inside_a_captured_block_of_the_layout_is_found_in_the_layout()
    {
        using var site = SiteFixture.Create(Theme.Replace("""
            <main>{{ page.content }}</main>
            """, """
            {{~ capture body ~}}
            <p>
            <a href="#nope">Skip</a></p>
            {{~ end ~}}
            <main>{{ page.content }}</main>{{ body }}
            """, StringComparison.Ordinal).Replace("<a href=\"/nowhere/\">Broken</a> ", string.Empty, StringComparison.Ordinal).Replace("<img alt=\"\" src=\"{{ relative_url 'missing.png' }}\">", string.Empty, StringComparison.Ordinal));

        var result = site.Build();

        Assert.Equal(
            [
                "themes/default/layouts/page.html(7,4): error BSG0602: The link '#nope' goes to a missing anchor: this page has no id 'nope'. (on content/index.md; and on 1 other page)",
            ],
            result.Errors());
    }
}
