using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Languages;

/// <summary>The bibliography is shared: a Spanish page cites the same keys, its reference list keeps the sources as
/// published, and only the words around them (the heading, what a screen reader says) are Spanish.</summary>
public sealed class CitationLanguageTests
{
    private const string Bibliography = """
        -- content/references.yaml --
        references:
          - id: smith2020
            type: article-journal
            title: Back pain in adults
            author: [{ family: Smith, given: Anna }]
            container-title: J Back
            issued: { date-parts: [[2020]] }
        """;

    [Fact]
    public void Citations_are_read_out_in_the_page_language_from_the_shared_bibliography()
    {
        using var site = BilingualSite.Create(
            extra: Bibliography,
            spanish: BilingualSite.Spanish.Replace("Las cantidades son un punto de partida.", "Las cantidades son un punto de partida [@smith2020].", StringComparison.Ordinal));
        var result = site.Build();
        Assert.DoesNotContain(result.Errors(), e => e.Contains("BSG05", StringComparison.Ordinal));
        var html = site.ReadOutput("es/exercises/index.html");
        Assert.Contains("aria-label=\"Referencia 1\">1</a>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"references\">Referencias</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"ref-smith2020\" lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Back pain in adults", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\" aria-label=\"Volver a la cita 1\"", html, StringComparison.Ordinal);
    }
}
