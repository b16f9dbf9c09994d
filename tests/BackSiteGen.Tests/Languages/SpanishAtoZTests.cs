using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Languages;

/// <summary>The Spanish "Buscar un tema" lists its own edition's topics and glossary, in Spanish A to Z order.</summary>
public sealed class SpanishAtoZTests
{
    private const string Topics = """
        -- content/find-a-topic.md --
        ---
        title: Find a topic
        description: A to Z.
        layout: topics
        ---
        Topics.
        -- content/es/find-a-topic.md --
        ---
        title: Buscar un tema
        description: De la A a la Z.
        layout: topics
        translation_of: find-a-topic.md
        translated_from: {find-a-topic.md}
        ---
        Temas.
        -- content/es/about-es.md --
        ---
        title: Temas
        description: Temas.
        translation_of: about.md
        translated_from: 0000000000000000
        topics: [Úlcera, Ácido, Acupuntura, Ñu, Nervio, Zona]
        ---
        Texto corto. Es fácil.
        """;

    [Fact]
    public void Accents_file_under_their_letter_and_n_with_tilde_after_n()
    {
        var english = SiteFixture.Parse(BilingualSite.English + "\n" + Topics).First(f => f.Path == "content/find-a-topic.md").Text;
        using var site = BilingualSite.Create(extra: Topics.Replace("{find-a-topic.md}", BackSiteGen.Trust.TranslationFingerprint.Of(english), StringComparison.Ordinal));
        site.Build();
        var html = site.ReadOutput("es/find-a-topic/index.html");
        var names = System.Text.RegularExpressions.Regex.Matches(html, "<span class=\"az-name\">([^<]*)</span>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(["Ácido", "Acupuntura", "Disco", "Nervio", "Ñu", "Úlcera", "Zona"], names);
        Assert.Contains("<a href=\"#letter-enye\">", html, StringComparison.Ordinal);
        Assert.Contains("Significado en el glosario", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/glossary/#", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ácido", site.ReadOutput("find-a-topic/index.html"), StringComparison.Ordinal);
    }
}
