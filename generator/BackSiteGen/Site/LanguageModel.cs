using BackSiteGen.Content;
using BackSiteGen.Templates;
using Scriban.Runtime;

namespace BackSiteGen.Site;

/// <summary>What templates get to link a page with its other editions: <c>page.language</c>, <c>page.alternates</c>
/// (the hreflang links), <c>page.switch</c> (the language switcher) and, on a translation, <c>page.translation</c>.</summary>
internal static class LanguageModel
{
    public static void AddToPageModel(ScriptObject model, Page page, SiteContext site)
    {
        var edition = site.Editions.Of(page);
        model["language"] = edition.Code;
        var alternates = new ScriptArray();
        foreach (var (language, url) in SiteBuilder.Alternates(site, page))
        {
            alternates.Add(new ScriptObject { ["language"] = language, ["url"] = url });
        }

        model["alternates"] = alternates;
        var versions = site.Translations.VersionsOf(page, site.Editions);
        var switcher = new ScriptArray();
        foreach (var other in site.EditionContexts.Values.Where(e => e.Edition != edition).OrderBy(e => site.Editions.All.ToList().IndexOf(e.Edition)))
        {
            if (site.Index.PageAt(other.Edition.HomeSource) is not { } home)
            {
                // A language without a home page has nothing to switch to: it is not offered.
                continue;
            }

            var translated = versions.TryGetValue(other.Edition.Code, out var version);
            switcher.Add(new ScriptObject
            {
                ["code"] = other.Edition.Code,
                ["name"] = TemplateModel.NameOf(other.Edition, other.Strings),
                ["url"] = site.Index.WithBasePath((translated ? version! : home).Url),
                ["translated"] = translated,
                // Said in the language the link leads to, for the reader who reads that language.
                ["note"] = translated ? string.Empty : other.Strings.Has("switcher.untranslated") ? other.Strings.Get("switcher.untranslated") : string.Empty,
            });
        }

        model["switch"] = switcher;
        if (site.Translations.SourceOf(page) is { } source)
        {
            model["translation"] = new ScriptObject
            {
                ["title"] = source.FrontMatter.Title,
                ["url"] = site.Index.WithBasePath(source.Url),
                ["language"] = source.Language,
                ["language_name"] = site.EditionContexts.TryGetValue(source.Language, out var main) ? TemplateModel.NameOf(main.Edition, main.Strings) : source.Language,
                ["last_reviewed"] = source.FrontMatter.LastReviewed?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
            };
        }
    }
}
