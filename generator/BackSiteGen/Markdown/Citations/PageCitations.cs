using BackSiteGen.Citations;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Text;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Collects one page's citations while the renderer walks its syntax tree, resolving each key against the
/// bibliography and reporting unknown keys at the citation's own line and column.</summary>
internal sealed class PageCitations(Page page, Bibliography bibliography, DiagnosticBag diagnostics)
{
    private readonly List<CitationUse> _uses = [];
    private readonly List<CitedReference> _references = [];

    public IReadOnlyList<CitationUse> Uses => _uses;

    /// <summary>In number order, because citation groups are visited in document order and numbers follow first citation.</summary>
    public IReadOnlyList<CitedReference> References => _references;

    public void Add(CitationGroup group)
    {
        foreach (var citation in group.Citations)
        {
            var span = MarkdownRenderer.SpanOf(page, citation.Line, citation.Column);
            _uses.Add(new CitationUse(citation.Key, citation.Number, citation.Locator, span));
            if (!citation.IsFirst)
            {
                continue;
            }

            if (bibliography.Find(citation.Key) is { } reference)
            {
                _references.Add(new CitedReference(citation.Number, reference));
            }
            else
            {
                var where = bibliography.DisplayPath is { } file ? $"in {file}" : "because the site has no content/references.yaml";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CitationUnknownKey, span, $"No source has the key '{citation.Key}' {where}.{EditDistance.DidYouMean(citation.Key, bibliography.Keys)}"));
            }
        }
    }
}
