using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown.Citations;

/// <summary>A citation as written: a bracketed group, <c>[@a; @b, p. 3]</c>, or an in-text one, <c>@a</c>; one superscript
/// in the HTML. A group that looks like a citation but breaks the grammar keeps its text and an <see cref="Error"/>.</summary>
internal sealed class CitationGroup : LeafInline
{
    public List<Citation> Citations { get; } = [];

    /// <summary>Written without brackets (<c>@a says</c>); AMA's numbered style prints it as a number like any other.</summary>
    public bool InText { get; init; }

    /// <summary>The text as written, shown (escaped) when the group has an error.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Why this is not a citation, saying what was understood; the page reports it as an error.</summary>
    public string? Error { get; set; }

    /// <summary>The code of <see cref="Error"/>.</summary>
    public string? ErrorCode { get; set; }
}
