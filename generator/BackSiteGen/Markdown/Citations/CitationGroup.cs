using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown.Citations;

/// <summary>A bracketed citation, <c>[@a; @b, p. 3]</c>: one superscript in the HTML.</summary>
internal sealed class CitationGroup : LeafInline
{
    public List<Citation> Citations { get; } = [];
}
