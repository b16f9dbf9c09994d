using Markdig.Renderers;

namespace BackSiteGen.Markdown.Citations;

/// <summary>A citation's prefix or suffix ("see", "and *passim*") as HTML: escaped text with Markdown emphasis, the only
/// markup pandoc's examples put there.</summary>
internal static class CitationText
{
    public static void Write(HtmlRenderer renderer, string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && char.IsPunctuation(text[i + 1]))
            {
                renderer.WriteEscape(text[i + 1].ToString());
                i += 2;
                continue;
            }

            if (c is '*' or '_')
            {
                var strong = i + 1 < text.Length && text[i + 1] == c;
                var marker = strong ? new string(c, 2) : c.ToString();
                var close = text.IndexOf(marker, i + marker.Length, StringComparison.Ordinal);
                if (close > i + marker.Length)
                {
                    var tag = strong ? "strong" : "em";
                    renderer.Write('<').Write(tag).Write('>');
                    renderer.WriteEscape(text[(i + marker.Length)..close]);
                    renderer.Write("</").Write(tag).Write('>');
                    i = close + marker.Length;
                    continue;
                }
            }

            var next = text.IndexOfAny(['\\', '*', '_'], i + 1);
            if (next < 0)
            {
                next = text.Length;
            }

            renderer.WriteEscape(text[i..next]);
            i = next;
        }
    }
}
