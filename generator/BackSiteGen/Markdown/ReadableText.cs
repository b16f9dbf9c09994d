using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown;

/// <summary>The text a reader reads on a page, block by block, for the readability scores.</summary>
/// <remarks>Taken from the Markdown tree rather than the HTML so navigation, the footer, the reference list and
/// care-card prefixes (all added by the theme or later stages) are never in it. Headings, paragraphs and list items
/// count; code, tables, raw HTML, image alt text and citations (their own nodes, never literal text) do not.</remarks>
internal static class ReadableText
{
    public static IReadOnlyList<string> Of(MarkdownDocument document, string title)
    {
        var blocks = new List<string> { title };
        var sb = new StringBuilder();
        Collect(document, blocks, sb);
        return blocks;
    }

    private static void Collect(ContainerBlock container, List<string> blocks, StringBuilder sb)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Table or CodeBlock or HtmlBlock:
                    break;
                case LeafBlock { Inline: { } inline }:
                    sb.Clear();
                    Append(inline, sb);
                    var text = sb.ToString().Trim();
                    if (text.Length > 0)
                    {
                        blocks.Add(text);
                    }

                    break;
                case ContainerBlock child:
                    Collect(child, blocks, sb);
                    break;
            }
        }
    }

    private static void Append(ContainerInline container, StringBuilder sb)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline child:
                    Append(child, sb);
                    break;
            }
        }
    }
}
