using BackSiteGen.Citations;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Templates;
using Scriban.Runtime;

namespace BackSiteGen.Site;

/// <summary>The site-wide references page lists which pages cite each source, so it renders after every other page,
/// from the citations those pages collected while rendering.</summary>
public static class ReferencesPage
{
    public const string Layout = "references";

    public static bool Is(Page page, Templates.Theme theme) => PageRenderer.LayoutOf(page, theme) == Layout;

    /// <summary>The shared site model plus <c>site.references</c>; a copy, because the shared one is read-only.</summary>
    public static ScriptObject SiteModel(SiteContext site, IEnumerable<RenderedPage> rendered, Page? page = null)
    {
        var model = new ScriptObject();
        foreach (var (key, value) in page is null ? site.SiteModel : site.SiteModelOf(page))
        {
            model[key] = value;
        }

        model["references"] = CitationModel.SiteReferences(site.Bibliography, rendered, site.Config);
        return model;
    }

    /// <summary>Warns, at its id, about every source no built page cites.</summary>
    public static void ReportUncited(Bibliography bibliography, IEnumerable<RenderedPage> rendered, DiagnosticBag diagnostics)
    {
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in rendered)
        {
            foreach (var use in page.Content.Citations)
            {
                cited.Add(use.Key);
            }
        }

        bibliography.ReportEntryProblems(cited, diagnostics);
        foreach (var reference in bibliography.References)
        {
            if (!cited.Contains(reference.Id))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReferenceNotCited, reference.Span, $"No page cites the source '{reference.Id}'; cite it with [@{reference.Id}] or remove it."));
            }
        }
    }
}
