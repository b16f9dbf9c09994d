using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Theme;

/// <summary>A theme with no indented <c>{{ }}</c> renders pages without Scriban's automatic indent (same bytes, faster);
/// a theme with one, or a page that includes a template the theme did not compile, keeps the indent on every page.</summary>
public sealed class AutoIndentTests
{
    private const string Pages = SiteFixture.NoReviewCycle + """
        -- content/index.md --
        ---
        title: Home
        description: Home.
        ---
        Hello.
        -- content/a.md --
        ---
        title: A
        description: A.
        ---
        Text.
        -- content/b.md --
        ---
        title: B
        description: B.
        ---
        Text.

        """;

    [Fact]
    public void A_statement_after_spaces_indents_every_line_it_writes()
    {
        using var site = SiteFixture.Create(Pages + """
            -- themes/default/layouts/page.html --
            <main>
              {{ include 'partials/list.html' }}
            </main>
            -- themes/default/partials/list.html --
            <ul>
            <li>{{ page.title }}</li>
            </ul>
            """);
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        foreach (var (path, title) in new[] { ("index.html", "Home"), ("a/index.html", "A"), ("b/index.html", "B") })
        {
            Assert.Equal($"<main>\n  <ul>\n  <li>{title}</li>\n  </ul>\n\n</main>", site.ReadOutput(path).TrimEnd('\n'));
        }
    }

    [Fact]
    public void A_theme_without_indented_statements_writes_exactly_what_its_templates_say()
    {
        using var site = SiteFixture.Create(Pages + """
            -- themes/default/layouts/page.html --
            {{~ capture body ~}}
            <h1>{{ page.title }}</h1>
            {{ "line one\nline two" }}
            {{~ end ~}}
            <main>
            {{ include 'partials/wrap.html' }}
            </main>
            -- themes/default/partials/wrap.html --
            <div>{{ body }}</div>
            {{ "a\n\nb" }}
            """);
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Equal("<main>\n<div><h1>A</h1>\nline one\nline two\n</div>\na\n\nb\n\n</main>", site.ReadOutput("a/index.html").TrimEnd('\n'));
    }

    [Fact]
    public void A_template_the_theme_did_not_compile_keeps_its_indent_on_every_page()
    {
        // The layout has no indented statement; the included .txt partial, read by the loader while the page renders, does.
        using var site = SiteFixture.Create(Pages + """
            -- themes/default/layouts/page.html --
            <main>
            {{ include 'partials/list.txt' }}
            </main>
            -- themes/default/partials/list.txt --
            <div>
              {{ page.title + "\nsecond line" }}
            </div>
            """);
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        foreach (var (path, title) in new[] { ("index.html", "Home"), ("a/index.html", "A"), ("b/index.html", "B") })
        {
            Assert.Equal($"<main>\n<div>\n  {title}\n  second line\n</div>\n\n</main>", site.ReadOutput(path).TrimEnd('\n'));
        }
    }
}
