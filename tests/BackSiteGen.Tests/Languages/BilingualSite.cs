using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Trust;

namespace BackSiteGen.Tests.Languages;

/// <summary>A small English and Spanish site: a home page, an exercises section with one exercise and its handout, a
/// glossary in each language, and one English page with no translation. The Spanish pages record the fingerprint of
/// their English sources as they are written here, so the site starts fresh.</summary>
internal static class BilingualSite
{
    public const string SiteYml = """
        -- content/site.yml --
        title: Back pain
        description: Plain help for back pain.
        base_url: https://example.org/
        language: en
        publisher: { name: Test publisher }
        editorial_team: Test review team
        review: { enabled: false }
        languages:
          es:
            name: Español
            title: Dolor de espalda
            description: Ayuda sencilla para el dolor de espalda.
            editorial_team: Equipo de revisión de prueba
        """;

    public const string English = """
        -- content/index.md --
        ---
        title: Back pain
        description: Plain help.
        last_reviewed: 2026-11-20
        ---
        Read about the [exercises](exercises/index.md). The disc can hurt.

        :::urgent
        ## Get help today
        Call if your legs feel weak.
        :::
        -- content/about.md --
        ---
        title: About us
        description: Who writes this site.
        ---
        We write this site. It is short.
        -- content/exercises/index.md --
        ---
        title: Exercises
        description: Gentle exercises.
        ---
        Start with the [cat-cow](cat-cow.md#steps).

        ## Amounts

        The amounts are a place to start.
        -- content/exercises/cat-cow.md --
        ---
        title: Cat-cow
        description: Move your back.
        layout: exercise
        order: 1
        last_reviewed: 2026-11-20
        exercise: { reps: 8 rounds }
        ---
        ## Steps

        :::steps
        1. Kneel down.
        2. Arch your back.
        :::

        See [where the amounts come from](index.md#amounts).
        -- content/exercises/handout.md --
        ---
        title: Handout
        description: All exercises on paper.
        layout: handout
        order: 9
        ---
        Print this page.
        -- content/glossary.md --
        ---
        title: Glossary
        description: Words.
        layout: glossary
        ---
        Words we use.
        -- content/glossary.yml --
        - term: Disc
          definition: A soft pad between two bones of the spine.
        """;

    public const string Spanish = """
        -- content/es/index.md --
        ---
        title: Dolor de espalda
        description: Ayuda sencilla.
        translation_of: index.md
        translated_from: {index.md}
        ---
        Lea sobre los [ejercicios](exercises/index.md). El disco puede doler.

        :::urgent
        ## Pida ayuda hoy
        Llame si nota las piernas débiles.
        :::
        -- content/es/exercises/index.md --
        ---
        title: Ejercicios
        description: Ejercicios suaves.
        translation_of: exercises/index.md
        translated_from: {exercises/index.md}
        ---
        Empiece por el [gato y la vaca](cat-cow.md#pasos).

        ## Cantidades

        Las cantidades son un punto de partida.
        -- content/es/exercises/cat-cow.md --
        ---
        title: Gato y vaca
        description: Mueva la espalda.
        layout: exercise
        order: 1
        last_reviewed: 2026-12-01
        exercise: { reps: 8 veces }
        translation_of: exercises/cat-cow.md
        translated_from: {exercises/cat-cow.md}
        ---
        ## Pasos

        :::steps
        1. Póngase de rodillas.
        2. Arquee la espalda.
        :::

        Vea [de dónde salen las cantidades](index.md#cantidades).
        -- content/es/exercises/handout.md --
        ---
        title: Hoja de ejercicios
        description: Todos los ejercicios en papel.
        layout: handout
        order: 9
        translation_of: exercises/handout.md
        translated_from: {exercises/handout.md}
        ---
        Imprima esta hoja. Téngala a mano. Haga un paso cada vez. No se dé prisa.
        -- content/es/glossary.md --
        ---
        title: Glosario
        description: Palabras.
        layout: glossary
        translation_of: glossary.md
        translated_from: {glossary.md}
        ---
        Las palabras que usamos.
        -- content/es/glossary.yml --
        - term: Disco
          definition: Una almohadilla blanda entre dos huesos de la columna.
        """;

    /// <summary>The site with every <c>{path}</c> in the Spanish pages replaced by that English page's fingerprint.</summary>
    public static SiteFixture Create(string extra = "", string? spanish = null)
    {
        var english = SiteFixture.Parse(English).ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var text = spanish ?? Spanish;
        foreach (var (path, source) in english)
        {
            text = text.Replace("{" + path["content/".Length..] + "}", TranslationFingerprint.Of(source), StringComparison.Ordinal);
        }

        return SiteFixture.Create(SiteYml + "\n" + English + "\n" + text + "\n" + extra);
    }
}
