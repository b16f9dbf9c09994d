namespace BackSiteGen.Checks;

/// <summary>What the link checker needs from one built file, and nothing more: the DOM is never kept.</summary>
/// <param name="OutputPath">Path below the site folder with '/' separators, e.g. <c>exercises/cat-cow/index.html</c>.</param>
/// <param name="Links">Every URL in document order.</param>
/// <param name="Ids">Every id and <c>a[name]</c> on the page (empty for CSS files), with the offset of its first
/// use as an id (-1 for a name only).</param>
/// <param name="DuplicateIds">Second and later uses of an id, each with the position of its first use.</param>
public sealed record HtmlFacts(string OutputPath, IReadOnlyList<HtmlLink> Links, IReadOnlyDictionary<string, int> Ids, IReadOnlyList<(HtmlId First, HtmlId Again)> DuplicateIds)
{
    /// <summary>The href of the page's first <c>&lt;base&gt;</c> that has one (the HTML standard ignores the others),
    /// against which every relative URL of the page resolves.</summary>
    public string? BaseHref { get; init; }
}
