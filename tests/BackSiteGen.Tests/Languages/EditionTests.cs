using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Languages;

/// <summary>Issue 20: the Spanish edition in content/es/ is published at /es/ with its own menu, glossary, handout,
/// theme words, dates and 404 page, linked to the English pages both ways.</summary>
public sealed class EditionTests
{

    [Fact]
    public void Spanish_pages_are_published_under_es_in_Spanish()
    {
        using var site = BilingualSite.Create();
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var home = site.ReadOutput("es/index.html");
        Assert.Contains("<html lang=\"es\">", home, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">Saltar al contenido principal</a>", home, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Atención urgente: </span>", home, StringComparison.Ordinal);
        Assert.Contains("<title>Dolor de espalda</title>", home, StringComparison.Ordinal);
        Assert.Contains("\"inLanguage\":\"es\"", home, StringComparison.Ordinal);
        Assert.Contains("Equipo de revisi", home, StringComparison.Ordinal);
        // The Spanish glossary links Spanish words to the Spanish glossary page; the English one is not used here.
        Assert.Contains("href=\"/es/glossary/#", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/glossary/", home, StringComparison.Ordinal);
        Assert.False(site.OutputExists("es/glossary.yml"));
        Assert.Contains("<html lang=\"en\">", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_edition_has_its_own_menu_breadcrumbs_and_handout()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site);
        var exercise = site.ReadOutput("es/exercises/cat-cow/index.html");
        Assert.Contains("<li><a href=\"/es/exercises/\">Ejercicios</a></li>", exercise, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/about/\"", exercise, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/es/\">Inicio</a></li>", exercise, StringComparison.Ordinal);
        Assert.Contains("<dt>Repeticiones</dt><dd>8 veces</dd>", exercise, StringComparison.Ordinal);
        var handout = site.ReadOutput("es/exercises/handout/index.html");
        Assert.Contains("<a href=\"/es/exercises/cat-cow/\">Gato y vaca</a>", handout, StringComparison.Ordinal);
        Assert.Contains("Póngase de rodillas.", handout, StringComparison.Ordinal);
        Assert.DoesNotContain("Kneel down.", handout, StringComparison.Ordinal);
        var english = site.ReadOutput("exercises/cat-cow/index.html");
        Assert.DoesNotContain("/es/exercises/\">Ejercicios", english, StringComparison.Ordinal);
    }

    [Fact]
    public void A_md_link_inside_es_reaches_the_Spanish_page_and_its_anchor()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site, strict: true);
        Assert.Contains("<a href=\"/es/exercises/cat-cow/#pasos\">", site.ReadOutput("es/exercises/index.html"), StringComparison.Ordinal);

        using var broken = BilingualSite.Create(spanish: BilingualSite.Spanish.Replace("cat-cow.md#pasos", "cat-cow.md#steps", StringComparison.Ordinal));
        var result = broken.Build();
        Assert.Contains(result.Errors(), e => e.StartsWith("content/es/exercises/index.md(", StringComparison.Ordinal) && e.Contains("BSG0602", StringComparison.Ordinal) && e.Contains("es/exercises/cat-cow.md has no id 'steps'", StringComparison.Ordinal));
    }

    [Fact]
    public void Review_dates_are_written_in_the_page_language()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site);
        Assert.Contains("Última revisión de la página: 1 de diciembre de 2026", site.ReadOutput("es/exercises/cat-cow/index.html"), StringComparison.Ordinal);
        Assert.Contains("Page last reviewed: 20 November 2026", site.ReadOutput("exercises/cat-cow/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Hreflang_links_are_reciprocal_with_x_default_and_in_the_sitemap()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site, strict: true);
        const string Links = """
            <link rel="alternate" hreflang="en" href="https://example.org/exercises/cat-cow/">
            <link rel="alternate" hreflang="es" href="https://example.org/es/exercises/cat-cow/">
            <link rel="alternate" hreflang="x-default" href="https://example.org/exercises/cat-cow/">
            """;
        Assert.Contains(Links, site.ReadOutput("exercises/cat-cow/index.html"), StringComparison.Ordinal);
        Assert.Contains(Links, site.ReadOutput("es/exercises/cat-cow/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("hreflang", site.ReadOutput("about/index.html").Split("<body")[0], StringComparison.Ordinal);
        var sitemap = site.ReadOutput("sitemap.xml");
        Assert.Contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"", sitemap, StringComparison.Ordinal);
        Assert.Contains("<url><loc>https://example.org/es/exercises/cat-cow/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/exercises/cat-cow/\"/><xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/exercises/cat-cow/\"/><xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/exercises/cat-cow/\"/></url>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<url><loc>https://example.org/about/</loc></url>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void The_switcher_names_each_language_in_itself_and_says_when_a_page_is_not_translated()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site);
        Assert.Contains("<li class=\"language-link\"><a href=\"/es/exercises/cat-cow/\" hreflang=\"es\" lang=\"es\">Español</a></li>", site.ReadOutput("exercises/cat-cow/index.html"), StringComparison.Ordinal);
        Assert.Contains("<li class=\"language-link\"><a href=\"/exercises/cat-cow/\" hreflang=\"en\" lang=\"en\">English</a></li>", site.ReadOutput("es/exercises/cat-cow/index.html"), StringComparison.Ordinal);
        // No Spanish "About us": the link goes to the Spanish home page and says so, in Spanish.
        Assert.Contains("<a href=\"/es/\" hreflang=\"es\" lang=\"es\">Español <span class=\"language-note\">(página de inicio: esta página no está traducida)</span></a>", site.ReadOutput("about/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Spanish_page_says_which_English_page_and_review_it_translates()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site);
        Assert.Contains("<p class=\"translation\">Esta página es una traducción de la página en inglés «<a href=\"/exercises/cat-cow/\" hreflang=\"en\" lang=\"en\">Cat-cow</a>», revisada el 20 de noviembre de 2026.</p>", site.ReadOutput("es/exercises/cat-cow/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_edition_gets_its_own_404_page()
    {
        using var site = BilingualSite.Create();
        BuildsClean(site);
        var spanish = site.ReadOutput("es/404.html");
        Assert.Contains("<html lang=\"es\">", spanish, StringComparison.Ordinal);
        Assert.Contains("<h1>Página no encontrada</h1>", spanish, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/es/\">Ir a la página de inicio</a>", spanish, StringComparison.Ordinal);
        Assert.Contains("<h1>Page not found</h1>", site.ReadOutput("404.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_without_pages_is_not_offered()
    {
        using var site = SiteFixture.Create(BilingualSite.SiteYml + "\n" + BilingualSite.English);
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.DoesNotContain("language-link", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("hreflang", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.False(site.OutputExists("es/404.html"));
    }

    [Fact]
    public void A_Spanish_theme_string_missing_is_an_error_at_the_Spanish_file()
    {
        using var site = BilingualSite.Create(extra: """
            -- themes/default/layouts/page.html --
            <html lang="{{ page.language }}"><title>{{ t 'title' }}</title>{{ page.content }}</html>
            -- themes/default/layouts/exercise.html --
            <html lang="{{ page.language }}">{{ t 'title' }}{{ page.content }}</html>
            -- themes/default/layouts/handout.html --
            <html lang="{{ page.language }}">{{ t 'title' }}{{ t 'only_english' }}</html>
            -- themes/default/layouts/glossary.html --
            <html lang="{{ page.language }}">{{ t 'title' }}</html>
            -- themes/default/layouts/home.html --
            <html lang="{{ page.language }}">{{ t 'title' }}{{ page.content }}</html>
            -- themes/default/i18n/en.yml --
            title: "Title"
            only_english: "Only in English"
            -- themes/default/i18n/es.yml --
            title: "Título"
            """);
        var result = site.Build();
        Assert.Contains("themes/default/i18n/es.yml(1,1): error BSG0903: The theme string 'only_english' (themes/default/i18n/en.yml line 2) is missing here: add its es text; pages never fall back to en.", result.Lines());
    }

    [Fact]
    public void A_key_no_language_has_is_a_template_error_at_the_template()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: Home.
            ---
            Hello.
            -- themes/default/layouts/home.html --
            <html>
            {{ t 'no_such_key' }}</html>
            -- themes/default/i18n/en.yml --
            title: "Title"
            """);
        var result = site.Build();
        Assert.Contains(result.Errors(), e => e.StartsWith("themes/default/layouts/home.html(2,", StringComparison.Ordinal) && e.Contains("'no_such_key' is not in themes/default/i18n/en.yml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_languages_entry_that_is_not_a_language_tag_is_an_error_at_it()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            language: en
            languages:
              en: { name: English }
              "e s": { name: X }
            -- content/index.md --
            ---
            title: Home
            description: Home.
            ---
            Hello.
            """);
        var lines = site.Build().Lines();
        Assert.Contains(lines, l => l.StartsWith("content/site.yml(3,3): error BSG0900: 'en' is the site's default language", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/site.yml(4,3): error BSG0900: 'e s' under 'languages' is not a BCP 47 language tag", StringComparison.Ordinal));
    }

    internal static void BuildsClean(SiteFixture site, bool strict = false)
    {
        var result = site.Build(strict: strict);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
    }
}
