using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Languages;

/// <summary>The hreflang links of the built pages are checked whatever template wrote them.</summary>
public sealed class HreflangCheckTests
{
    /// <summary>A theme whose English pages write their alternates with the languages swapped and one extra to nowhere,
    /// and whose Spanish pages write none, so every kind of broken pair appears.</summary>
    private const string BrokenTheme = """
        -- themes/default/layouts/page.html --
        <!doctype html><html lang="{{ page.language }}"><head><title>{{ page.title }}</title>
        {{~ if page.language == 'en' ~}}
        {{~ for a in page.alternates ~}}
        <link rel="alternate" hreflang="{{ if a.language == 'es' }}en{{ else if a.language == 'en' }}es{{ else }}{{ a.language }}{{ end }}" href="{{ a.url }}">
        {{~ end ~}}
        {{~ if page.alternates.size > 0 ~}}
        <link rel="alternate" hreflang="fr" href="https://example.org/fr/nowhere/">
        {{~ end ~}}
        {{~ end ~}}
        </head><body>{{ page.content }}</body></html>
        -- themes/default/layouts/home.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/layouts/exercise.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/layouts/handout.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/layouts/glossary.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/i18n/en.yml --
        language_name: English
        -- themes/default/i18n/es.yml --
        language_name: Español
        """;

    [Fact]
    public void Missing_targets_wrong_languages_and_missing_return_links_are_errors_at_the_page()
    {
        using var site = BilingualSite.Create(extra: BrokenTheme);
        var errors = site.Build().Errors();
        Assert.Contains("content/exercises/cat-cow.md(1,1): error BSG0920: The page's hreflang=\"fr\" link goes to https://example.org/fr/nowhere/, which is no page of this site.", errors);
        Assert.Contains("content/exercises/cat-cow.md(1,1): error BSG0921: The page's hreflang=\"es\" link goes to content/exercises/cat-cow.md, which is in 'en', not 'es'.", errors);
        Assert.Contains("content/exercises/cat-cow.md(1,1): error BSG0921: The page's hreflang=\"en\" link goes to content/es/exercises/cat-cow.md, which is in 'es', not 'en'.", errors);
        Assert.Contains("content/index.md(1,1): error BSG0920: The page's hreflang=\"fr\" link goes to https://example.org/fr/nowhere/, which is no page of this site.", errors);
    }

    [Fact]
    public void A_translation_that_does_not_link_back_is_an_error()
    {
        // English pages write their alternates right; Spanish pages write none.
        using var site = BilingualSite.Create(extra: BrokenTheme
            .Replace("{{ if a.language == 'es' }}en{{ else if a.language == 'en' }}es{{ else }}{{ a.language }}{{ end }}", "{{ a.language }}", StringComparison.Ordinal)
            .Replace("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/fr/nowhere/\">", string.Empty, StringComparison.Ordinal));
        var errors = site.Build().Errors();
        Assert.Contains("content/exercises/cat-cow.md(1,1): error BSG0922: The page's hreflang=\"es\" link goes to content/es/exercises/cat-cow.md, which has no hreflang link back to https://example.org/exercises/cat-cow/; hreflang links must be reciprocal.", errors);
        Assert.DoesNotContain(errors, e => e.Contains("BSG0920", StringComparison.Ordinal) || e.Contains("BSG0921", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_theme_writes_pairs_that_pass()
    {
        using var site = BilingualSite.Create();
        EditionTests.BuildsClean(site, strict: true);
    }
}
