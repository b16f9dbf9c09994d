using BackSiteGen.Templates;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Theme;

/// <summary>Template text is escaped for HTML and nothing more: accented letters reach the page as letters, not as the
/// numeric references Scriban's own html.escape writes for U+00A0 to U+00FF.</summary>
public sealed class HtmlEscapeTests
{
    [Theory]
    [InlineData("Página de ayuda", "Página de ayuda")]
    [InlineData("Dolor lumbar vertebrogénico: ¿qué es?", "Dolor lumbar vertebrogénico: ¿qué es?")]
    [InlineData("A & B <i> \"quoted\" 'single'", "A &amp; B &lt;i&gt; &quot;quoted&quot; &#39;single&#39;")]
    [InlineData("", "")]
    public void Escapes_the_five_markup_characters_and_leaves_letters(string text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void A_title_with_accents_and_markup_characters_is_published_as_written_in_the_title_and_the_heading()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: Sitio
            description: D
            base_url: https://example.org/
            review: { enabled: false }
            -- content/index.md --
            ---
            title: Inicio
            description: Inicio.
            ---
            Texto.
            -- content/about.md --
            ---
            title: Niños & "años" <según> el médico
            description: Qué hacer.
            ---
            Texto.
            """);
        var result = site.Build(strict: false);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("about/index.html");
        Assert.Contains("<title>Niños &amp; &quot;años&quot; &lt;según&gt; el médico", html, StringComparison.Ordinal);
        Assert.Contains(">Niños &amp; &quot;años&quot; &lt;según&gt; el médico</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#241;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<según>", html, StringComparison.Ordinal);
    }
}
