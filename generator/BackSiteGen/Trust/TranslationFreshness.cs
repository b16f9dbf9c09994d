using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;

namespace BackSiteGen.Trust;

/// <summary>Where one default-language page stands in one other edition.</summary>
/// <param name="Status"><c>fresh</c>, <c>stale</c> (the source changed since <c>translated_from</c>), <c>unrecorded</c>
/// (no or a malformed <c>translated_from</c>) or <c>missing</c> (no translation).</param>
/// <param name="Translation">The translation's source file as diagnostics print it; null when missing.</param>
/// <param name="Current">The source's fingerprint now: what <c>translated_from</c> should say once the translation is checked.</param>
public sealed record TranslationStatus(string Language, string Source, string? Translation, string Status, string? Recorded, string Current, DateOnly? SourceReviewed);

/// <summary>Issue 20: a translated medical page must never go out of date unnoticed. Every translation records the
/// fingerprint of its source when it was made (<see cref="TranslationFingerprint"/>); when the source's text changes,
/// the build warns at the translation's <c>translated_from:</c> line, and <c>--strict</c> fails.</summary>
/// <remarks>Runs in the finishing stage, from the files on disk, so <c>serve</c> reports a translation stale the moment
/// its source is saved, even when only the source's body changed and nothing else was rendered again.</remarks>
internal static class TranslationFreshness
{
    public static List<TranslationStatus> Statuses(SiteContext site)
    {
        var statuses = new List<TranslationStatus>();
        var editions = site.Editions;
        var withPages = site.Index.Pages.Where(p => !editions.Of(p).IsDefault).Select(p => p.Language).ToHashSet(StringComparer.Ordinal);
        if (withPages.Count == 0)
        {
            return statuses;
        }

        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        string FingerprintOf(Page source)
        {
            if (!fingerprints.TryGetValue(source.Source.RelativePath, out var fingerprint))
            {
                fingerprint = TranslationFingerprint.Of(ReadExactly(source.Source.FullPath));
                fingerprints[source.Source.RelativePath] = fingerprint;
            }

            return fingerprint;
        }

        var translated = site.Translations.Pairs.ToLookup(p => p.Source.Source.RelativePath, StringComparer.Ordinal);
        foreach (var source in site.Index.Pages.Where(p => editions.Of(p).IsDefault).OrderBy(p => p.Source.RelativePath, StringComparer.Ordinal))
        {
            foreach (var edition in editions.All.Where(e => !e.IsDefault && withPages.Contains(e.Code)))
            {
                var current = FingerprintOf(source);
                var pair = translated[source.Source.RelativePath].FirstOrDefault(p => p.Language == edition.Code);
                if (pair.Translation is null)
                {
                    statuses.Add(new TranslationStatus(edition.Code, source.Source.DisplayPath, null, "missing", null, current, source.FrontMatter.LastReviewed));
                    continue;
                }

                var recorded = TranslationFingerprint.Recorded(pair.Translation.FrontMatter.Values.GetValueOrDefault("translated_from"));
                var status = recorded is null || !TranslationFingerprint.IsWellFormed(recorded) ? "unrecorded" : recorded == current ? "fresh" : "stale";
                statuses.Add(new TranslationStatus(edition.Code, source.Source.DisplayPath, pair.Translation.Source.DisplayPath, status, recorded, current, source.FrontMatter.LastReviewed));
            }
        }

        return statuses;
    }

    public static void Check(SiteContext site, DiagnosticBag diagnostics)
    {
        var byTranslation = site.Translations.Pairs.ToDictionary(p => p.Translation.Source.DisplayPath, p => p.Translation, StringComparer.Ordinal);
        var sources = site.Index.Pages.ToDictionary(p => p.Source.DisplayPath, StringComparer.Ordinal);
        foreach (var status in Statuses(site))
        {
            switch (status.Status)
            {
                case "missing":
                    diagnostics.Add(Diagnostic.Note(DiagnosticCodes.TranslationMissing, new SourceSpan(status.Source, 1, 1), $"This page has no {status.Language} translation yet: content/{status.Language}/{sources[status.Source].Source.RelativePath} with 'translation_of: {sources[status.Source].Source.RelativePath}' and 'translated_from: {status.Current}'."));
                    break;
                case "unrecorded":
                    var page = byTranslation[status.Translation!];
                    var written = page.FrontMatter.KeySpans.ContainsKey("translated_from");
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.TranslationFingerprintMissing,
                        page.FrontMatter.SpanOf(written ? "translated_from" : "translation_of", page.Source.DisplayPath),
                        written
                            ? $"translated_from: '{status.Recorded}' is not a fingerprint (16 hexadecimal digits); once the translation matches {status.Source}, write 'translated_from: {status.Current}'."
                            : $"The translation does not record which version of {status.Source} it was made from: once it matches that page, add 'translated_from: {status.Current}'."));
                    break;
                case "stale":
                    var stale = byTranslation[status.Translation!];
                    var reviewed = status.SourceReviewed is { } date ? $", last reviewed {date:yyyy-MM-dd}," : string.Empty;
                    diagnostics.Add(Diagnostic.Warning(
                        DiagnosticCodes.TranslationStale,
                        stale.FrontMatter.SpanOf("translated_from", stale.Source.DisplayPath),
                        $"The translation may be out of date: {status.Source}{reviewed} changed after it was translated (translated_from: {status.Recorded}, its fingerprint now: {status.Current}). Compare the two pages (git diff on {status.Source}), update this translation, then set 'translated_from: {status.Current}' (backsitegen translations lists every pair)."));
                    break;
            }
        }
    }

    /// <summary>The file's text exactly as its bytes say, a byte-order mark included, as <c>sha256sum</c> reads it.</summary>
    private static string ReadExactly(string path)
    {
        try
        {
            return new UTF8Encoding(false).GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
