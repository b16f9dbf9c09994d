using System.Text;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown;

/// <summary>The text a reader sees in an inline container (a heading, a link), without markup.</summary>
public static class PlainText
{
    /// <remarks>Asked of every link, image and heading of every page: the text is gathered in a builder kept on each
    /// thread, and one string is made of it, trimmed (a new builder per call grew from 16 characters each time).</remarks>
    public static string Of(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var sb = t_text ??= new StringBuilder(256);
        sb.Clear();
        Append(container, sb);
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

        var text = start == end ? string.Empty : sb.ToString(start, end - start);
        if (sb.Capacity > 1 << 16)
        {
            t_text = null;
        }

        return text;
    }

    [ThreadStatic]
    private static StringBuilder? t_text;

    private static void Append(ContainerInline container, StringBuilder sb)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case ContainerInline child:
                    Append(child, sb);
                    break;
            }
        }
    }
}
