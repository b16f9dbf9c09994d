using BackSiteGen.Citations;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Text;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Collects one page's citations while the renderer walks its syntax tree, resolving each key against the
/// bibliography and reporting unknown keys and citations not understood at their own line and column.</summary>
internal sealed class PageCitations(Page page, Bibliography bibliography, DiagnosticBag diagnostics)
{
    private readonly List<CitationUse> _uses = [];
    private readonly List<CitedReference> _references = [];

    public IReadOnlyList<CitationUse> Uses => _uses;

    /// <summary>In number order. Groups arrive in the syntax tree's order, where footnotes come last, but numbers follow
    /// reading order (a footnote's citations count where it is referenced).</summary>
    public IReadOnlyList<CitedReference> References
    {
        get
        {
            _references.Sort((a, b) => a.Number.CompareTo(b.Number));
            return _references;
        }
    }

    public void Add(CitationGroup group)
    {
        if (group.Error is { } error)
        {
            diagnostics.Add(Diagnostic.Error(group.ErrorCode ?? DiagnosticCodes.CitationSyntax, MarkdownRenderer.SpanOf(page, group.Line, group.Column), error));
            return;
        }

        foreach (var citation in group.Citations)
        {
            var span = MarkdownRenderer.SpanOf(page, citation.Line, citation.Column);
            _uses.Add(new CitationUse(citation.Key, citation.Number, citation.Locator?.Ama(), span));
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
                var literal = group.InText ? " If this '@' is not a citation, write \\@." : string.Empty;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CitationUnknownKey, span, $"No source has the key '{citation.Key}' {where}.{EditDistance.DidYouMean(citation.Key, bibliography.Keys)}{literal}"));
            }
        }
    }
}
