using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Markdown.Citations;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Trust.Prose;

/// <summary>Reads the blocks a reader reads out of a page's Markdown tree, as <see cref="ReadableText"/> does for the
/// readability score (headings, paragraphs and list items; never code, tables, raw HTML or image alt text), but with
/// the position of every character and with citations kept as marks.</summary>
internal static class ProseReader
{
    // One text builder and one segment list per thread, copied out to each block's exact size: a new builder and list
    // per block, grown from empty, were most of what reading a page's prose allocated (82 MB on the 2,000-page corpus).
    [ThreadStatic]
    private static (StringBuilder Text, List<ProseSegment> Segments)? t_buffers;

    private const int MaxKeptLength = 1 << 20;

    public static IReadOnlyList<ProseBlock> Read(MarkdownDocument document, Page page)
    {
        var blocks = new List<ProseBlock>();
        var section = 0;
        Collect(document, page, blocks, ref section, inListItem: false);
        return blocks;
    }

    private static void Collect(ContainerBlock container, Page page, List<ProseBlock> blocks, ref int section, bool inListItem)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Table or CodeBlock or HtmlBlock:
                    break;
                case HeadingBlock heading:
                    section++;
                    Add(heading, page, blocks, section, whole: true);
                    break;
                case LeafBlock leaf:
                    Add(leaf, page, blocks, section, whole: inListItem);
                    break;
                case ListItemBlock item:
                    Collect(item, page, blocks, ref section, inListItem: true);
                    break;
                case ContainerBlock child:
                    Collect(child, page, blocks, ref section, inListItem);
                    break;
            }
        }
    }

    private static void Add(LeafBlock leaf, Page page, List<ProseBlock> blocks, int section, bool whole)
    {
        if (leaf.Inline is null)
        {
            return;
        }

        var (sb, segments) = t_buffers ??= (new StringBuilder(), new List<ProseSegment>());
        sb.Clear();
        segments.Clear();
        var fragment = false;
        Append(leaf.Inline, page, sb, segments, ref fragment);
        if (!IsBlank(sb))
        {
            blocks.Add(new ProseBlock(sb.ToString(), [.. segments], whole, section, page.Source.DisplayPath) { HasFragmentLink = fragment });
        }

        if (sb.Capacity > MaxKeptLength)
        {
            // A huge block's buffers are not kept for the pages after it.
            t_buffers = null;
        }
    }

    /// <summary>As <c>Trim().Length == 0</c> on the text: nothing but white space.</summary>
    private static bool IsBlank(StringBuilder sb)
    {
        foreach (var chunk in sb.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Append(ContainerInline container, Page page, StringBuilder sb, List<ProseSegment> segments, ref bool fragment)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    segments.Add(new ProseSegment(sb.Length, page.BodyLine + literal.Line, literal.Column + 1, Literal: true));
                    sb.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case CitationGroup:
                    segments.Add(new ProseSegment(sb.Length, page.BodyLine + inline.Line, inline.Column + 1, Literal: false));
                    sb.Append(ProseBlock.CitationMark);
                    break;
                case CodeInline:
                    sb.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case LinkInline link:
                    fragment |= link.Url?.Contains('#', StringComparison.Ordinal) == true;
                    Append(link, page, sb, segments, ref fragment);
                    break;
                case ContainerInline child:
                    Append(child, page, sb, segments, ref fragment);
                    break;
            }
        }
    }
}
