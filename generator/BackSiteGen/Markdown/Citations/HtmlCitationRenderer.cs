using System.Globalization;
using BackSiteGen.Citations;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Renders a citation group as one superscript of numbered links: <c>1,2</c>, or <c>1-3</c> for three or more
/// consecutive sources.</summary>
/// <remarks>Numbers stay in the order the writer gave them ("[@b; @a]" after "[@a]" shows 2,1); a run of three or more
/// that the writer wrote in ascending order becomes a range. Every cited source keeps its own link, even the
/// middle of a range: those links are visually hidden but focusable and read by screen readers, so "1-3" reads
/// "Reference 1, Reference 2, Reference 3" and the post-render check sees a link to every entry.</remarks>
/// <param name="label">The word screen readers hear before each number, in the page's language ("Reference", "Referencia").</param>
internal sealed class HtmlCitationRenderer(string label = "Reference") : HtmlObjectRenderer<CitationGroup>
{
    public HtmlCitationRenderer()
        : this("Reference")
    {
    }

    /// <summary>The theme's stylesheet hides this class until focused.</summary>
    public const string HiddenLinkClass = "citation-hidden";

    protected override void Write(HtmlRenderer renderer, CitationGroup group)
    {
        if (group.Error is not null || !renderer.EnableHtmlForInline)
        {
            // A refused citation shows as written (the build fails on its error anyway); alt text takes no markup.
            renderer.WriteEscape(group.Source);
            return;
        }

        var items = Distinct(group.Citations);
        renderer.Write("<sup class=\"citation\">");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                renderer.Write(',');
            }

            var runEnd = RunEnd(items, i);
            if (runEnd - i >= 2)
            {
                WriteLink(renderer, items[i], hidden: false);
                for (var j = i + 1; j < runEnd; j++)
                {
                    WriteLink(renderer, items[j], hidden: true);
                }

                renderer.Write("<span aria-hidden=\"true\">-</span>");
                WriteLink(renderer, items[runEnd], hidden: false);
                i = runEnd;
                continue;
            }

            var item = items[i];
            if (item.Prefix is { } prefix)
            {
                CitationText.Write(renderer, prefix);
                renderer.Write(' ');
            }

            WriteLink(renderer, item, hidden: false);
            if (item.Locator is { } locator)
            {
                // AMA's superscript form: "1(p33)", "2(pp3-5)".
                renderer.Write("<span class=\"locator\">(").WriteEscape(locator.Ama()).Write(")</span>");
            }

            if (item.Suffix is { } suffix)
            {
                CitationText.Write(renderer, suffix);
            }
        }

        renderer.Write("</sup>");
    }

    /// <summary>The group's citations as written; a key cited twice in one group is shown once unless a locator differs.</summary>
    private static List<Citation> Distinct(List<Citation> citations)
    {
        var sorted = new List<Citation>(citations.Count);
        foreach (var citation in citations)
        {
            var duplicate = false;
            foreach (var seen in sorted)
            {
                if (seen.Number == citation.Number && seen.Locator == citation.Locator && seen.Prefix == citation.Prefix && seen.Suffix == citation.Suffix)
                {
                    // The earlier one is kept, and only an earlier one can be a key's first citation.
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                sorted.Add(citation);
            }
        }

        return sorted;
    }

    /// <summary>The last index of the run of consecutive numbers, with nothing but their numbers, that starts at <paramref name="i"/>.</summary>
    private static int RunEnd(List<Citation> items, int i)
    {
        var j = i;
        while (j + 1 < items.Count && items[j].IsBare && items[j + 1].IsBare && items[j + 1].Number == items[j].Number + 1)
        {
            j++;
        }

        return j;
    }

    private void WriteLink(HtmlRenderer renderer, Citation citation, bool hidden)
    {
        var number = citation.Number.ToString(CultureInfo.InvariantCulture);
        renderer.Write("<a");
        if (citation.IsFirst)
        {
            renderer.Write(" id=\"").WriteEscape(CitationIds.FirstCitation(citation.Key)).Write('"');
        }

        if (hidden)
        {
            renderer.Write(" class=\"").Write(HiddenLinkClass).Write('"');
        }

        renderer.Write(" href=\"").WriteEscape(CitationIds.Href(CitationIds.Entry(citation.Key))).Write('"');
        renderer.Write(" aria-label=\"").WriteEscape(label).Write(' ').Write(number).Write("\">").Write(number).Write("</a>");
    }
}
