using BackSiteGen.Citations;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;

namespace BackSiteGen.Checks;

/// <summary>Confirms, in a page's final HTML, that every citation link reaches a reference entry on that page and that
/// every entry is cited. The renderer means to get this right; this pass is what guarantees it, whatever the theme does.</summary>
public static class CitationCheck
{
    private const string EntryPrefix = "ref-";
    private const string BackLinkPrefix = "cite-";

    /// <param name="facts">The ids and links the link checker extracted from the same HTML: one tokenizer pass
    /// serves both checks, so a page is never parsed twice.</param>
    public static void Verify(RenderedPage page, HtmlFacts facts, DiagnosticBag diagnostics)
    {
        // Most pages cite nothing and list nothing: nothing to compare.
        if (page.Content.Citations.Count == 0 && !page.Html.Contains(EntryPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var ids = facts.Ids;
        var entries = new List<string>();
        foreach (var id in ids.Keys)
        {
            if (id.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                entries.Add(id);
            }
        }

        var pageSpan = new SourceSpan(page.Page.Source.DisplayPath, 1, 1);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in facts.Links)
        {
            if (link.Element != LinkElement.Hyperlink || !link.Url.StartsWith('#'))
            {
                continue;
            }

            var target = Uri.UnescapeDataString(link.Url[1..]);
            if (target.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                cited.Add(target);
                if (!ids.ContainsKey(target) && reported.Add(target))
                {
                    ReportMissingEntry(page, target[EntryPrefix.Length..], pageSpan, diagnostics);
                }
            }
            else if (target.StartsWith(BackLinkPrefix, StringComparison.Ordinal) && !ids.ContainsKey(target) && reported.Add(target))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EntryWithoutCitation, pageSpan, $"The built page has a back link to '#{target}', but no citation carries that id."));
            }
        }

        foreach (var entry in entries)
        {
            if (!cited.Contains(entry))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EntryWithoutCitation, pageSpan, $"The built page lists the reference '{entry}', but no citation on the page links to it."));
            }
        }
    }

    private static void ReportMissingEntry(RenderedPage page, string key, SourceSpan pageSpan, DiagnosticBag diagnostics)
    {
        CitationUse? first = null;
        foreach (var use in page.Content.Citations)
        {
            if (use.Key == key)
            {
                first = use;
                break;
            }
        }

        var known = false;
        foreach (var cited in page.Content.References)
        {
            known |= cited.Reference.Id == key;
        }

        if (first is not null && !known)
        {
            // An unknown key: already an error at the citation, with a did-you-mean; a second one would only add noise.
            return;
        }

        diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.CitationWithoutEntry,
            first?.Span ?? pageSpan,
            $"The citation of '{key}' links to '#{CitationIds.Entry(key)}', but the built page has no entry with that id (does the layout '{page.Layout}' include partials/references.html?)."));
    }
}
