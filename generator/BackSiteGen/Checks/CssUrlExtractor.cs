using System.Buffers;

namespace BackSiteGen.Checks;

/// <summary>Finds the URLs CSS loads: <c>url(...)</c>, <c>@import "..."</c> and the strings of <c>image-set()</c>,
/// skipping comments; a <c>url()</c> inside <c>@font-face</c> is a font. Used for stylesheets and for the CSS inside
/// HTML (<c>&lt;style&gt;</c> and <c>style=""</c>).</summary>
public static class CssUrlExtractor
{
    private static readonly SearchValues<char> Starts = SearchValues.Create("/\"'uUiI-@");

    public static HtmlFacts Extract(string css, string outputPath)
    {
        var found = new List<(string Url, LinkElement Element, int Offset)>();
        Collect(css, 0, css.Length, found);
        var links = new List<HtmlLink>(found.Count);
        var lines = new LineCounter(css);
        foreach (var (url, element, offset) in found)
        {
            links.Add(lines.Link(url, element, offset));
        }

        return new HtmlFacts(outputPath, links, new Dictionary<string, int>(), []);
    }

    /// <summary>Adds the URLs of <c>css[start..end]</c> in order, each with its offset in <paramref name="css"/>.</summary>
    public static void Collect(string css, int start, int end, List<(string Url, LinkElement Element, int Offset)> found)
    {
        var i = start;
        var fontFaceEnd = -1;
        while (i < end)
        {
            // Every branch below starts at one of these characters, and any other one only moves on: jump to the next
            // (the default theme inlines its stylesheet in every page, read here char by char: 4% of a build's CPU).
            var next = css.AsSpan(i, end - i).IndexOfAny(Starts);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = css[i];
            if (c == '/' && i + 1 < end && css[i + 1] == '*')
            {
                var close = css.IndexOf("*/", i + 2, end - i - 2, StringComparison.Ordinal);
                i = close < 0 ? end : close + 2;
            }
            else if (c is '"' or '\'')
            {
                i = SkipString(css, i, end);
            }
            else if ((c is 'u' or 'U') && StartsWithWord(css, i, end, "url("))
            {
                i = ReadUrl(css, i + 4, end, i < fontFaceEnd ? LinkElement.Font : LinkElement.Image, found);
            }
            else if ((c is 'i' or 'I' or '-') && (StartsWithWord(css, i, end, "image-set(") || StartsWithWord(css, i, end, "-webkit-image-set(")))
            {
                i = ReadImageSet(css, css.IndexOf('(', i) + 1, end, found);
            }
            else if (c == '@' && StartsWithWord(css, i, end, "@font-face"))
            {
                fontFaceEnd = BlockEnd(css, i, end);
                i += 10;
            }
            else if (c == '@' && StartsWithWord(css, i, end, "@import"))
            {
                var j = i + 7;
                while (j < end && char.IsWhiteSpace(css[j]))
                {
                    j++;
                }

                if (j < end && css[j] is '"' or '\'')
                {
                    var close = SkipString(css, j, end);
                    found.Add((css[(j + 1)..Math.Max(j + 1, close - 1)], LinkElement.Stylesheet, j + 1));
                    i = close;
                }
                else if (StartsWithWord(css, j, end, "url("))
                {
                    i = ReadUrl(css, j + 4, end, LinkElement.Stylesheet, found);
                }
                else
                {
                    i = j;
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static bool StartsWithWord(string css, int i, int end, string word) =>
        i + word.Length <= end
        && string.Compare(css, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i == 0 || !(char.IsAsciiLetterOrDigit(css[i - 1]) || css[i - 1] is '-' or '_'));

    private static int ReadUrl(string css, int i, int end, LinkElement element, List<(string, LinkElement, int)> found)
    {
        while (i < end && char.IsWhiteSpace(css[i]))
        {
            i++;
        }

        if (i < end && css[i] is '"' or '\'')
        {
            var close = SkipString(css, i, end);
            found.Add((css[(i + 1)..Math.Max(i + 1, close - 1)], element, i + 1));
            return close;
        }

        var paren = css.IndexOf(')', i, end - i);
        if (paren < 0)
        {
            return end;
        }

        found.Add((css[i..paren], element, i));
        return paren + 1;
    }

    /// <summary>The quoted strings of <c>image-set("a.png" 1x, "b.png" 2x)</c>; <c>url()</c>s inside are found by the
    /// main loop.</summary>
    private static int ReadImageSet(string css, int i, int end, List<(string, LinkElement, int)> found)
    {
        var depth = 0;
        while (i < end)
        {
            var c = css[i];
            if (c is '"' or '\'')
            {
                var close = SkipString(css, i, end);
                found.Add((css[(i + 1)..Math.Max(i + 1, close - 1)], LinkElement.Image, i + 1));
                i = close;
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    return i + 1;
                }

                depth--;
            }
            else if ((c is 'u' or 'U') && StartsWithWord(css, i, end, "url("))
            {
                i = ReadUrl(css, i + 4, end, LinkElement.Image, found);
                continue;
            }

            i++;
        }

        return end;
    }

    /// <summary>Where the block after <paramref name="i"/> (the next <c>{</c> to its matching <c>}</c>) ends.</summary>
    private static int BlockEnd(string css, int i, int end)
    {
        var open = css.IndexOf('{', i, end - i);
        if (open < 0)
        {
            return end;
        }

        var depth = 0;
        for (var j = open; j < end; j++)
        {
            if (css[j] is '"' or '\'')
            {
                j = SkipString(css, j, end) - 1;
            }
            else if (css[j] == '{')
            {
                depth++;
            }
            else if (css[j] == '}' && --depth == 0)
            {
                return j;
            }
        }

        return end;
    }

    /// <summary>The index just past the closing quote of the string starting at <paramref name="i"/>.</summary>
    private static int SkipString(string css, int i, int end)
    {
        var quote = css[i];
        for (var j = i + 1; j < end; j++)
        {
            if (css[j] == '\\')
            {
                j++;
            }
            else if (css[j] == quote || css[j] == '\n')
            {
                return j + 1;
            }
        }

        return end;
    }
}
