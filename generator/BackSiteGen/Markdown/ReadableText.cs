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
    // One builder per thread: a new one per page, grown from empty, and a second string for the trimmed text were most
    // of what this allocated.
    [ThreadStatic]
    private static StringBuilder? t_text;

    public static IReadOnlyList<string> Of(MarkdownDocument document, string title)
    {
        var blocks = new List<string> { title };
        var sb = t_text ??= new StringBuilder();
        Collect(document, blocks, sb);
        if (sb.Capacity > 1 << 20)
        {
            t_text = null;
        }

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
                    if (Trimmed(sb) is { Length: > 0 } text)
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

    /// <summary>As <c>ToString().Trim()</c>, making one string.</summary>
    private static string Trimmed(StringBuilder sb)
    {
        var start = 0;
        while (start < sb.Length && char.IsWhiteSpace(sb[start]))
        {
            start++;
        }

        var end = sb.Length;
        while (end > start && char.IsWhiteSpace(sb[end - 1]))
        {
            end--;
        }

        return start == end ? string.Empty : sb.ToString(start, end - start);
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
