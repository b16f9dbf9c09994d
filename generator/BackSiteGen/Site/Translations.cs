using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Site;

/// <summary>Which page translates which: every page of another language's edition names its default-language source
/// with <c>translation_of:</c> (a path below the content folder). Built once per load, read by the language switcher,
/// the hreflang links, the sitemap, the freshness check and the report.</summary>
public sealed class Translations
{
    private readonly Dictionary<string, Dictionary<string, Page>> _bySource;
    private readonly Dictionary<string, Page> _sourceOf;

    private Translations(Dictionary<string, Dictionary<string, Page>> bySource, Dictionary<string, Page> sourceOf)
    {
        _bySource = bySource;
        _sourceOf = sourceOf;
    }

    public static Translations Empty { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>The default-language page a translation was made from, or null for a page of the default language.</summary>
    public Page? SourceOf(Page translation) => _sourceOf.GetValueOrDefault(translation.Source.RelativePath);

    /// <summary>Every edition's version of the page, the default language's included, by language code.</summary>
    public IReadOnlyDictionary<string, Page> VersionsOf(Page page, Editions editions)
    {
        var source = SourceOf(page) ?? (editions.Of(page).IsDefault ? page : null);
        var versions = new Dictionary<string, Page>(StringComparer.Ordinal);
        if (source is null)
        {
            versions[page.Language] = page;
            return versions;
        }

        versions[editions.Default.Code] = source;
        foreach (var (code, translation) in _bySource.GetValueOrDefault(source.Source.RelativePath) ?? [])
        {
            versions[code] = translation;
        }

        return versions;
    }

    /// <summary>The translation pairs, ordered by source then language: (source, language, translation).</summary>
    public IEnumerable<(Page Source, string Language, Page Translation)> Pairs =>
        _bySource.OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (_sourceOf[t.Value.Source.RelativePath], t.Key, t.Value)));

    public static string? TranslationOfText(Page page) => page.FrontMatter.Values.GetValueOrDefault("translation_of") as string;

    /// <summary>Pairs every page of another edition with its source; a translation without one, or of a page that does
    /// not exist, or a second translation of one page in one edition, is an error at its front matter.</summary>
    public static Translations Build(IReadOnlyList<Page> pages, SiteIndex index, Editions editions, DiagnosticBag diagnostics)
    {
        var bySource = new Dictionary<string, Dictionary<string, Page>>(StringComparer.Ordinal);
        var sourceOf = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var edition = editions.Of(page);
            if (edition.IsDefault)
            {
                continue;
            }

            var display = page.Source.DisplayPath;
            if (TranslationOfText(page) is not { } written || written.Trim().Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TranslationOfMissing, new SourceSpan(display, 1, 1), $"This {edition.Code} page does not say which page it translates: add 'translation_of: {edition.Relative(page.Source.RelativePath)}' (the {editions.Default.Code} page, as a path below the content folder) and 'translated_from:' with that page's fingerprint (backsitegen translations prints it)."));
                continue;
            }

            var path = written.Trim().TrimStart('/');
            var source = index.PageAt(path);
            if (source is null || !editions.Of(source).IsDefault)
            {
                var mirror = edition.Relative(page.Source.RelativePath);
                var hint = index.PageAt(mirror) is not null && mirror != path ? $" Did you mean '{mirror}'?" : string.Empty;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TranslationSourceMissing, page.FrontMatter.SpanOf("translation_of", display), $"translation_of: '{written}' is not a page of the {editions.Default.Code} edition (a path below the content folder, such as exercises/cat-cow.md).{hint}"));
                continue;
            }

            var versions = bySource.TryGetValue(source.Source.RelativePath, out var found) ? found : bySource[source.Source.RelativePath] = new Dictionary<string, Page>(StringComparer.Ordinal);
            if (versions.TryGetValue(edition.Code, out var other))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TranslationDuplicate, page.FrontMatter.SpanOf("translation_of", display), $"{other.Source.DisplayPath} already translates '{path}' into {edition.Code}; each page has one translation per language."));
                continue;
            }

            versions[edition.Code] = page;
            sourceOf[page.Source.RelativePath] = source;
        }

        return new Translations(bySource, sourceOf);
    }
}
