using System.Diagnostics;
using System.Text;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Trust;

namespace BackSiteGen.Tests.Languages;

/// <summary>Issue 20: a translation that its source has outgrown is never published unnoticed.</summary>
public sealed class TranslationFreshnessTests
{
    [Theory]
    [InlineData("---\ntitle: A\nlast_reviewed: 2026-11-20\nnext_review: 2028-11-20\n---\nBody text.\n")]
    [InlineData("---\r\ntitle: A\r\nlast_reviewed: 2026-11-20\r\n---\r\nCRLF body.\r\n")]
    [InlineData("---\ntitle: B\n---\nNo final newline")]
    [InlineData("\uFEFF---\ntitle: C\n  last_reviewed: indented stays\n---\nÁrbol, niño, pingüino.\n\n\n")]
    [InlineData("")]
    public void The_fingerprint_is_what_the_shell_command_of_the_brief_prints(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), "bsg-fp-" + Guid.NewGuid().ToString("N")[..8] + ".md");
        // The shell reads the file as it is on disk, CRLF included; the definition turns CRLF into LF first.
        File.WriteAllBytes(file, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        try
        {
            var shell = Process.Start(new ProcessStartInfo("sh", ["-c", $"grep -vE '^(last_reviewed|next_review):' '{file}' | sha256sum | cut -c1-16"]) { RedirectStandardOutput = true })!;
            var expected = shell.StandardOutput.ReadToEnd().Trim();
            shell.WaitForExit();
            Assert.Equal(16, expected.Length);
            Assert.Equal(expected, TranslationFingerprint.Of(text));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_review_date_alone_does_not_change_the_fingerprint_but_a_word_does()
    {
        const string Page = "---\ntitle: A\nlast_reviewed: 2026-11-20\nnext_review: 2028-11-20\n---\nBend your knees.\n";
        Assert.Equal(TranslationFingerprint.Of(Page), TranslationFingerprint.Of(Page.Replace("2026-11-20", "2027-01-05", StringComparison.Ordinal)));
        Assert.NotEqual(TranslationFingerprint.Of(Page), TranslationFingerprint.Of(Page.Replace("knees", "legs", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_edited_English_page_makes_its_Spanish_page_stale_at_the_translated_from_line()
    {
        using var site = BilingualSite.Create();
        EditionTests.BuildsClean(site);
        var old = TranslationFingerprint.Of(File.ReadAllText(Path.Combine(site.Root, "content/exercises/cat-cow.md")));
        site.Write("content/exercises/cat-cow.md", File.ReadAllText(Path.Combine(site.Root, "content/exercises/cat-cow.md")).Replace("Kneel down.", "Kneel down slowly.", StringComparison.Ordinal));
        var now = TranslationFingerprint.Of(File.ReadAllText(Path.Combine(site.Root, "content/exercises/cat-cow.md")));
        var result = site.Build();
        Assert.True(result.Succeeded);
        Assert.Contains($"content/es/exercises/cat-cow.md(9,1): warning BSG0912: The translation may be out of date: content/exercises/cat-cow.md, last reviewed 2026-11-20, changed after it was translated (translated_from: {old}, its fingerprint now: {now}). Compare the two pages (git diff on content/exercises/cat-cow.md), update this translation, then set 'translated_from: {now}' (backsitegen translations lists every pair).", result.Lines());
        Assert.False(site.Build(strict: true).Succeeded);
        var stale = Assert.Single(result.Report.Translations, t => t.Status == "stale");
        Assert.Equal(("content/exercises/cat-cow.md", "content/es/exercises/cat-cow.md", old, now), (stale.Source, stale.Translation, stale.Recorded, stale.Current));
    }

    [Fact]
    public void A_missing_translation_is_a_note_listed_in_the_report()
    {
        using var site = BilingualSite.Create();
        var result = site.Build(strict: true);
        Assert.Contains(result.Lines(), l => l.StartsWith("content/about.md(1,1): info BSG0914: This page has no es translation yet: content/es/about.md with 'translation_of: about.md'", StringComparison.Ordinal));
        var missing = Assert.Single(result.Report.Translations, t => t.Status == "missing");
        Assert.Equal("content/about.md", missing.Source);
        Assert.Equal(5, result.Report.Translations.Count(t => t.Status == "fresh"));
        Assert.Contains("missing (es): content/about.md", BackSiteGen.Trust.Report.TrustReportWriter.ToConsole(result.Report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Spanish_page_must_say_what_it_translates_and_name_a_real_page()
    {
        using var site = BilingualSite.Create(extra: """
            -- content/es/about.md --
            ---
            title: Quiénes somos
            description: Quién escribe.
            ---
            Escribimos este sitio.
            -- content/es/exercises/bird-dog.md --
            ---
            title: Perro de caza
            description: Un ejercicio.
            translation_of: exercises/bird-dog.md
            translated_from: 0123456789abcdef
            ---
            Texto.
            """);
        var errors = site.Build().Errors();
        Assert.Contains(errors, e => e.StartsWith("content/es/about.md(1,1): error BSG0910: This es page does not say which page it translates: add 'translation_of: about.md'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("content/es/exercises/bird-dog.md(4,1): error BSG0911: translation_of: 'exercises/bird-dog.md' is not a page of the en edition", StringComparison.Ordinal));
    }

    [Fact]
    public void A_translation_without_a_fingerprint_is_an_error_naming_the_one_to_record()
    {
        using var site = BilingualSite.Create(spanish: BilingualSite.Spanish.Replace("translated_from: {glossary.md}\n", string.Empty, StringComparison.Ordinal));
        var fingerprint = TranslationFingerprint.Of(File.ReadAllText(Path.Combine(site.Root, "content/glossary.md")));
        Assert.Contains($"content/es/glossary.md(5,1): error BSG0913: The translation does not record which version of content/glossary.md it was made from: once it matches that page, add 'translated_from: {fingerprint}'.", site.Build().Lines());
    }

    [Fact]
    public void A_fingerprint_of_sixteen_decimal_digits_is_read_as_text_with_its_leading_zero()
    {
        Assert.Equal("0123456789012345", TranslationFingerprint.Recorded(123456789012345L));
        Assert.True(TranslationFingerprint.IsWellFormed("0123456789abcdef"));
        Assert.False(TranslationFingerprint.IsWellFormed("0123456789ABCDEF"));
    }
}
