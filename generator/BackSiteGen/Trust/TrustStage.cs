using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Markdown.Glossary;
using BackSiteGen.Site;
using BackSiteGen.Templates;
using BackSiteGen.Trust.Placeholders;
using BackSiteGen.Trust.Readability;
using BackSiteGen.Trust.Review;
using BackSiteGen.Trust.StructuredData;
using Scriban.Runtime;

namespace BackSiteGen.Trust;

/// <summary>The patient-trust checks (issue 7), called by the orchestrator at three points: after loading,
/// per page while rendering (in parallel), and once after every page is written.</summary>
internal static class TrustStage
{
    public const string GlossaryLayout = "glossary";

    /// <summary>Reads the trust settings and the glossary, and checks every page's review cycle (front matter only).</summary>
    public static (TrustSettings Settings, Glossary? Glossary) Load(BuildOptions options, SiteConfig config, SiteIndex index, DiagnosticBag diagnostics)
    {
        var (settings, glossaries) = Load(options, config, index, Editions.From(config), diagnostics);
        return (settings, glossaries.GetValueOrDefault(config.Language));
    }

    /// <summary>The same, with one glossary per edition: <c>content/glossary.yml</c>, <c>content/es/glossary.yml</c>, each
    /// linked to its own edition's glossary page.</summary>
    public static (TrustSettings Settings, Dictionary<string, Glossary?> Glossaries) Load(BuildOptions options, SiteConfig config, SiteIndex index, Editions editions, DiagnosticBag diagnostics)
    {
        var contentDir = options.FullPath(options.ContentDir);
        var displayContent = options.DisplayPath(contentDir);
        var siteYml = displayContent + "/" + SiteConfigLoader.FileName;
        var settings = TrustSettings.Read(config, siteYml, diagnostics);
        settings = settings with { Lint = new PageLint(options.Preview, !ReservedDomains.IsReserved(config.BaseUrl.Host)) };
        SiteTrustData.Check(Path.Combine(contentDir, SiteConfigLoader.FileName), siteYml, config, settings, diagnostics);
        foreach (var page in index.Pages)
        {
            ReviewCheck.Check(page, settings.Review, config, options.Today, diagnostics);
        }

        var glossaries = new Dictionary<string, Glossary?>(StringComparer.Ordinal);
        foreach (var edition in editions.All)
        {
            glossaries[edition.Code] = null;
            if (!settings.Glossary)
            {
                continue;
            }

            var display = displayContent + "/" + edition.Root + GlossaryLoader.FileName;
            var entries = GlossaryLoader.Load(Path.Combine(contentDir, edition.Folder), display, diagnostics);
            var page = index.Pages.Where(p => editions.Of(p) == edition).FirstOrDefault(p => p.FrontMatter.Layout == GlossaryLayout);
            if (entries.Count > 0 && page is null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.GlossaryPageMissing, new SourceSpan(display, 1, 1), $"No page has 'layout: glossary', so glossary terms are not linked: add content/{edition.Root}glossary.md with that layout."));
            }

            glossaries[edition.Code] = new Glossary(entries, display, page is null ? null : index.WithBasePath(page.Url), page?.Source.RelativePath);
        }

        return (settings, glossaries);
    }

    /// <summary><c>site.glossary</c>: the entries, sorted by term, for the glossary layout.</summary>
    public static ScriptArray GlossaryModel(Glossary? glossary)
    {
        var array = new ScriptArray();
        foreach (var entry in glossary?.Entries ?? [])
        {
            var aliases = new ScriptArray();
            foreach (var alias in entry.Aliases)
            {
                aliases.Add(alias);
            }

            array.Add(new ScriptObject { ["id"] = entry.Id, ["term"] = entry.Term, ["aliases"] = aliases, ["definition"] = entry.Definition });
        }

        return array;
    }

    /// <summary>Adds what the trust checks give templates: <c>page.json_ld</c> and the reviewer with the site default.</summary>
    public static void AddToPageModel(ScriptObject model, Page page, string layout, SiteContext site)
    {
        var settings = site.Trust;
        var config = site.Editions.Of(page).Config;
        model["reviewed_by"] = settings.Review.ReviewerOf(page.FrontMatter.ReviewedBy, config);
        model["json_ld"] = settings.StructuredData.Enabled ? JsonLdBuilder.ScriptFor(page, layout, config, settings, site.Config.Languages.FirstOrDefault(l => l.Code == page.Language)?.Condition) : string.Empty;
    }

    /// <summary>Scores the page and checks the JSON-LD the theme wrote into its HTML.</summary>
    public static PageFacts CheckRenderedPage(Page page, string layout, RenderedContent content, string html, SiteContext site, DiagnosticBag diagnostics)
    {
        var settings = site.Trust;
        // The readability check reads the page in its own language: Spanish pages by Spanish syllables and formulas.
        var language = site.Editions.Of(page).Code;
        SpanishReadability? spanish = null;
        ReadabilityScore score;
        if (IsSpanish(language))
        {
            var statistics = TextAnalyzer.AnalyzeSpanish(content.ReadableBlocks);
            spanish = SpanishReadability.From(statistics);
            score = ReadabilityScore.Empty with { Statistics = statistics };
            if (layout != GlossaryLayout)
            {
                SpanishReadabilityCheck(page, spanish, settings.Readability, diagnostics);
            }
        }
        else
        {
            score = ReadabilityScore.From(TextAnalyzer.Analyze(content.ReadableBlocks));
            if (layout != GlossaryLayout)
            {
                // The glossary page is definitions by design; its text is the theme's list, not the writer's prose.
                ReadabilityCheck.Check(page, score, settings.Readability, diagnostics);
            }
        }

        var hasJsonLd = true;
        if (settings.StructuredData.Enabled)
        {
            var problems = JsonLdValidator.Problems(html, JsonLdBuilder.IsExercise(page, layout), page.FrontMatter.LastReviewed is not null);
            hasJsonLd = problems is not null;
            foreach (var problem in problems ?? [])
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.StructuredDataInvalid, new SourceSpan(page.Source.DisplayPath, 1, 1), $"The page's JSON-LD is invalid: {problem}."));
            }
        }

        var fm = page.FrontMatter;
        return new PageFacts(
            site.Index.WithBasePath(page.Url),
            page.Source.DisplayPath,
            score,
            fm.LastReviewed,
            fm.NextReview,
            settings.Review.ReviewerOf(fm.ReviewedBy, site.Editions.Of(page).Config) ?? string.Empty,
            content.References.Count,
            content.Links.Count(l => !l.IsImage && (l.Rendered.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || l.Rendered.StartsWith("https://", StringComparison.OrdinalIgnoreCase))),
            content.GlossaryTerms,
            hasJsonLd)
        {
            Language = language,
            Spanish = spanish,
            Permalink = new Uri(site.Config.BaseUrl, page.Url.TrimStart('/')).AbsoluteUri,
            LanguageSpan = page.FrontMatter.SpanOf("translation_of", page.Source.DisplayPath),
            Alternates = HreflangCheck.AlternatesIn(html),
        };
    }

    /// <summary>Spanish, in any region: es, es-ES, es-419, es-MX.</summary>
    internal static bool IsSpanish(string language) =>
        language.Equals("es", StringComparison.OrdinalIgnoreCase) || language.StartsWith("es-", StringComparison.OrdinalIgnoreCase);

    private static void SpanishReadabilityCheck(Page page, SpanishReadability score, Readability.ReadabilitySettings settings, DiagnosticBag diagnostics)
    {
        if (!settings.Enabled || score.Statistics.Words == 0 || score.Inflesz >= settings.MinInflesz)
        {
            return;
        }

        var s = score.Statistics;
        diagnostics.Add(Diagnostic.Warning(
            DiagnosticCodes.SpanishReadabilityLow,
            page.FrontMatter.SpanOf("readability", page.Source.DisplayPath),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Hard to read in Spanish: INFLESZ {score.Inflesz:0.0} ({score.Scale}) is below {settings.MinInflesz:0.#}; the goal is {settings.GoalInflesz:0.#} (bastante fácil). {s.Words} words, {s.Sentences} sentences, {(double)s.Syllables / s.Words:0.00} syllables a word; Fernández-Huerta {score.FernandezHuerta:0.0}. Use shorter sentences and shorter words.")));
    }

    /// <summary>Checks that need every page: glossary terms nobody uses, a theme that never writes the JSON-LD.</summary>
    public static void Finish(IReadOnlyCollection<PageFacts> pages, SiteContext site, DiagnosticBag diagnostics)
    {
        var renderers = site.EditionContexts.Count > 0 ? site.EditionContexts.Values.Select(e => (e.Edition.Code, e.Markdown)).ToList() : [(site.Config.Language, site.Markdown)];
        foreach (var (language, markdown) in renderers)
        {
            var ofEdition = site.EditionContexts.Count > 0 ? pages.Where(p => p.Language == language).ToList() : pages.ToList();
            if (markdown.Glossary is { PageUrl: not null } glossary && ofEdition.Count > 0)
            {
                var used = ofEdition.SelectMany(p => p.GlossaryTerms).ToHashSet(StringComparer.Ordinal);
                foreach (var entry in glossary.Entries.Where(e => !used.Contains(e.Id)))
                {
                    diagnostics.Add(Diagnostic.Note(DiagnosticCodes.GlossaryTermUnused, new SourceSpan(glossary.DisplayPath, entry.Line, entry.Column), $"No page uses the glossary term '{entry.Term}'{(entry.Aliases.Count > 0 ? " or its aliases" : string.Empty)}."));
                }
            }
        }

        HreflangCheck.Check(pages, site.Editions.Default.Code, diagnostics);
        if (site.Trust.StructuredData.Enabled && pages.Where(p => !p.HasJsonLd).Select(p => p.Source).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } without)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.StructuredDataMissing, new SourceSpan(site.Theme.DisplayPathOf("partials/base.html"), 1, 1), $"{without.Count} page(s) have no JSON-LD, first {without[0]}: add {{{{ page.json_ld }}}} inside <head>."));
        }
    }
}
