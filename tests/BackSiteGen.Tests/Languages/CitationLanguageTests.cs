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

/// <summary>The accessibility lint knows vague link text in Spanish too.</summary>
public sealed class SpanishLinkTextTests
{
    [Fact]
    public void Haga_clic_aqui_is_vague_link_text()
    {
        using var site = BilingualSite.Create(spanish: BilingualSite.Spanish.Replace("Vea [de dónde salen las cantidades](index.md#cantidades).", "Para las cantidades, [haga clic aquí](index.md#cantidades).", StringComparison.Ordinal));
        Assert.Contains(site.Build().Lines(), l => l.StartsWith("content/es/exercises/cat-cow.md(", StringComparison.Ordinal) && l.Contains("BSG0742", StringComparison.Ordinal));
    }
}

/// <summary>Statistics and doses are recognised in Spanish on Spanish pages, as in English on English ones.</summary>
public sealed class SpanishStatisticsTests
{
    [Theory]
    [InlineData("El 64 % de las personas mejora.", "BSG0770")]
    [InlineData("Uno de cada 4 adultos tiene dolor.", "BSG0770")]
    [InlineData("Se estudió a 438.510 personas.", "BSG0770")]
    [InlineData("La mitad de los pacientes mejoró.", "BSG0770")]
    [InlineData("Haga de 8 a 10 repeticiones lentas.", "BSG0773")]
    [InlineData("Hágalo dos veces al día.", "BSG0773")]
    public void A_Spanish_statistic_or_dose_without_a_source_is_flagged(string sentence, string code)
    {
        using var site = BilingualSite.Create(spanish: BilingualSite.Spanish.Replace("Imprima esta hoja.", sentence + " Imprima esta hoja.", StringComparison.Ordinal));
        Assert.Contains(site.Build().Lines(), l => l.StartsWith("content/es/exercises/handout.md(", StringComparison.Ordinal) && l.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_Spanish_sentence_is_not_a_statistic()
    {
        using var site = BilingualSite.Create(spanish: BilingualSite.Spanish.Replace("Imprima esta hoja.", "Muchas personas mejoran con el tiempo. En 2017 se publicó una guía. Imprima esta hoja.", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Build().Lines(), l => l.Contains("BSG077", StringComparison.Ordinal));
    }
}
