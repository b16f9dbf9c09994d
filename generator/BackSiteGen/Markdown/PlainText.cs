using System.Text;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown;

/// <summary>The text a reader sees in an inline container (a heading, a link), without markup.</summary>
public static class PlainText
{
    public static string Of(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        Append(container, sb);
        return sb.ToString().Trim();
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
