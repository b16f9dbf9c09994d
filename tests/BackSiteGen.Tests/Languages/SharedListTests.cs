using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Languages;

/// <summary>A list rendered once per edition (<c>render_list</c>) speaks that edition's language: its item partial sees
/// the edition's site model and its theme strings.</summary>
public sealed class SharedListTests
{
    private const string Theme = """
        -- themes/default/layouts/page.html --
        <!doctype html><html lang="{{ page.language }}"><head><title>{{ page.title }}</title></head>
        <body><ul>{{ render_list site.nav 'partials/item.html' page.url }}</ul>{{ page.content }}</body></html>
        -- themes/default/partials/item.html --
        <li>{{ item.title }}{{ if current }} ({{ t 'menu.here' }}, {{ site.title }}){{ end }}</li>
        -- themes/default/layouts/home.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/layouts/exercise.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/layouts/handout.html --
        {{ include 'layouts/page.html' }}
        -- themes/default/layouts/glossary.html --
        <!doctype html><html lang="{{ page.language }}"><head><title>{{ page.title }}</title></head>
        <body>{{ for entry in site.glossary }}<p id="{{ entry.id }}">{{ entry.term }}</p>{{ end }}</body></html>
        -- themes/default/i18n/en.yml --
        language_name: English
        menu.here: you are here
        -- themes/default/i18n/es.yml --
        language_name: Español
        menu.here: usted está aquí
        """;

    [Fact]
    public void The_menu_partial_uses_the_theme_strings_and_site_model_of_each_edition()
    {
        using var site = BilingualSite.Create(extra: Theme);
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains("(you are here, ", site.ReadOutput("exercises/index.html"), StringComparison.Ordinal);
        var spanish = site.ReadOutput("es/exercises/index.html");
        Assert.Contains("(usted está aquí, ", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("you are here", spanish, StringComparison.Ordinal);
    }
}
