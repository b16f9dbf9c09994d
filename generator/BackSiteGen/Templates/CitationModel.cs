using BackSiteGen.Citations;
using BackSiteGen.Config;
using BackSiteGen.Site;
using Scriban.Runtime;

namespace BackSiteGen.Templates;

/// <summary>References as template data, so a theme can place and style the lists; the AMA text arrives as ready HTML.</summary>
internal static class CitationModel
{
    /// <summary><c>page.references</c>: the page's sources by number.</summary>
    public static ScriptArray PageReferences(IReadOnlyList<CitedReference> references)
    {
        var list = new ScriptArray();
        foreach (var cited in references)
        {
            var key = cited.Reference.Id;
            list.Add(new ScriptObject
            {
                ["number"] = cited.Number,
                ["key"] = key,
                ["id"] = CitationIds.Entry(key),
                ["html"] = AmaFormatter.Html(cited.Reference),
                ["backlink"] = CitationIds.Href(CitationIds.FirstCitation(key)),
            });
        }

        return list;
    }

    /// <summary><c>site.references</c> on the references page: every source, sorted by first author, with the pages citing it.</summary>
    public static ScriptArray SiteReferences(Bibliography bibliography, IEnumerable<RenderedPage> pages, SiteConfig config)
    {
        var citedBy = new Dictionary<string, List<RenderedPage>>(StringComparer.Ordinal);
        foreach (var page in pages.OrderBy(p => p.Page.Url, StringComparer.Ordinal))
        {
            foreach (var cited in page.Content.References)
            {
                if (!citedBy.TryGetValue(cited.Reference.Id, out var list))
                {
                    citedBy[cited.Reference.Id] = list = [];
                }

                list.Add(page);
            }
        }

        var sources = new ScriptArray();
        foreach (var reference in bibliography.References.OrderBy(AmaFormatter.SortKey, StringComparer.Ordinal))
        {
            var links = new ScriptArray();
            foreach (var page in citedBy.GetValueOrDefault(reference.Id) ?? [])
            {
                links.Add(new ScriptObject { ["title"] = page.Page.FrontMatter.Title, ["url"] = config.BasePath + page.Page.Url.TrimStart('/') });
            }

            sources.Add(new ScriptObject
            {
                ["key"] = reference.Id,
                ["id"] = CitationIds.Source(reference.Id),
                ["html"] = AmaFormatter.Html(reference),
                ["cited_by"] = links,
            });
        }

        return sources;
    }
}
