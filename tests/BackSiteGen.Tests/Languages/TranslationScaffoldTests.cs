using BackSiteGen.Scaffold;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Trust;

namespace BackSiteGen.Tests.Languages;

/// <summary><c>backsitegen new</c> in content/es/ starts a translation that already says what it translates.</summary>
public sealed class TranslationScaffoldTests
{
    [Fact]
    public void A_new_Spanish_page_records_its_source_fingerprint_and_the_source_review_due_date()
    {
        using var site = BilingualSite.Create(extra: """
            -- content/about.md --
            ---
            title: About us
            description: Who writes this site.
            last_reviewed: 2026-11-20
            next_review: 2028-11-20
            ---
            We write this site. It is short.
            """);
        var result = PageScaffold.Create(site.Options(), PageKind.Page, "es/about.md", "Quiénes somos", "Quién escribe este sitio.", reviewedOn: new DateOnly(2026, 11, 23));
        Assert.Null(result.Refusal);
        var text = File.ReadAllText(Path.Combine(site.Root, "content/es/about.md"));
        var fingerprint = TranslationFingerprint.Of(File.ReadAllText(Path.Combine(site.Root, "content/about.md")));
        Assert.StartsWith($"---\ntranslation_of: about.md\ntranslated_from: {fingerprint}\ntitle: \"Quiénes somos\"\n", text, StringComparison.Ordinal);
        Assert.Contains("reviewed_by: \"Equipo de revisión de prueba\"\n", text, StringComparison.Ordinal);
        Assert.Contains("last_reviewed: 2026-11-23\nnext_review: 2028-11-20\n", text, StringComparison.Ordinal);
    }
}
