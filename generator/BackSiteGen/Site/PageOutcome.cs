using BackSiteGen.Checks;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Site;

/// <summary>What rendering one page leaves behind once its HTML has gone to the output: what the site-wide stages
/// (the references page, the trust summary, the link check) and <c>serve</c>'s next rebuild need, never the HTML.</summary>
/// <param name="Summary">The rendered page without its HTML and readable text; null when the page failed to render.</param>
/// <param name="Links">The page's link facts and where they came from; null when the page failed to render.</param>
/// <param name="Diagnostics">Everything reading the body, rendering and checking this page found.</param>
public sealed record PageOutcome(Page Page, RenderedPage? Summary, PageLinkFacts? Links, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Rendered => Summary is not null;

    /// <summary>Source paths of the pages whose text this page embeds.</summary>
    public IReadOnlyCollection<string> EmbeddedPages => Summary?.EmbeddedPages ?? [];
}

/// <summary>Every page of the site as rendered, in source order.</summary>
public sealed record RenderedSite(IReadOnlyList<PageOutcome> Pages)
{
    public IEnumerable<RenderedPage> Summaries => Pages.Select(p => p.Summary).OfType<RenderedPage>();

    public IEnumerable<Diagnostic> Diagnostics => Pages.SelectMany(p => p.Diagnostics);
}

/// <summary>What the site-wide stages after rendering found, and how many files they wrote besides the pages.</summary>
public sealed record FinishedSite(IReadOnlyList<Diagnostic> Diagnostics, int Files);
