using BackSiteGen.Content;
using BackSiteGen.Markdown;

namespace BackSiteGen.Checks;

/// <summary>What a built page came from: enough to map an output position back to the Markdown or the layout.</summary>
/// <param name="ContentStart">Offset of the rendered Markdown inside the page's HTML, or -1 when the layout changed it.</param>
/// <param name="HtmlLength">The length of the page as built, so a page rendered again to trace its templates is only
/// trusted when it came out the same.</param>
public sealed record PageOrigin(Page Page, string LayoutDisplayPath, IReadOnlyList<SourceLink> SourceLinks, int ContentStart, int ContentEnd, int HtmlLength = -1)
{
    public bool IsInContent(int offset) => ContentStart < 0 || (offset >= ContentStart && offset < ContentEnd);
}
