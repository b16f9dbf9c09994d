using BackSiteGen.Diagnostics;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Numbers a page's sources in order of first citation (AMA/Vancouver): a repeated source keeps its number.</summary>
/// <remarks>The order is the reading order pandoc uses: a footnote's citations count where the footnote is referenced,
/// although Markdig keeps footnote bodies at the end of the document.</remarks>
internal static class CitationNumbering
{
    /// <summary>Runs once per parsed document (Markdig's DocumentProcessed), so numbers restart on every page and
    /// no state is shared between pages rendered in parallel.</summary>
    public static void Number(MarkdownDocument document)
    {
        var state = new State();
        Walk(document, state);
        foreach (var footnote in document.Descendants<Footnote>())
        {
            if (state.Footnotes.Add(footnote))
            {
                Walk(footnote, state);
            }
        }
    }

    private static void Walk(Block block, State state)
    {
        switch (block)
        {
            case FootnoteGroup:
                return; // visited from their references
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Walk(child, state);
                }

                break;
            case LeafBlock { Inline: { } inline }:
                Walk(inline, state);
                break;
        }
    }

    private static void Walk(Inline inline, State state)
    {
        switch (inline)
        {
            case CitationGroup group:
                Number(group, state);
                break;
            case FootnoteLink { IsBackLink: false, Footnote: { } footnote } when state.Footnotes.Add(footnote):
                Walk(footnote, state);
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Walk(child, state);
                }

                break;
        }
    }

    private static void Number(CitationGroup group, State state)
    {
        if (group.Error is null && Enclosing(group) is { } link)
        {
            // A citation is a link: inside link text it would nest a link in a link, and inside alt text its HTML would
            // break the <img> tag, so both are refused with the way out.
            group.ErrorCode = link.IsImage ? DiagnosticCodes.CitationInAltText : DiagnosticCodes.CitationInLinkText;
            group.Error = link.IsImage
                ? $"The image's alt text holds the citation '{CitationParser.Short(group.Source)}'; alt text is plain text, so put the citation after the image."
                : $"The link text holds the citation '{CitationParser.Short(group.Source)}', which would put a link inside a link; put the citation after the link.";
        }

        if (group.Error is not null)
        {
            return;
        }

        foreach (var citation in group.Citations)
        {
            if (!state.Numbers.TryGetValue(citation.Key, out var number))
            {
                number = state.Numbers.Count + 1;
                state.Numbers[citation.Key] = number;
                citation.IsFirst = true;
            }

            citation.Number = number;
        }
    }

    private static LinkInline? Enclosing(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline link)
            {
                return link;
            }
        }

        return null;
    }

    private sealed class State
    {
        public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);

        public HashSet<Footnote> Footnotes { get; } = [];
    }
}
