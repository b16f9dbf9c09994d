namespace BackSiteGen.Checks;

/// <summary>Finds the URLs a stylesheet loads: <c>url(...)</c> and <c>@import "..."</c>, skipping comments.</summary>
public static class CssUrlExtractor
{
    public static HtmlFacts Extract(string css, string outputPath)
    {
        var links = new List<HtmlLink>();
        var lines = new LineCounter(css);
        var i = 0;
        while (i < css.Length)
        {
            var c = css[i];
            if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 2;
            }
            else if (c is '"' or '\'')
            {
                i = SkipString(css, i);
            }
            else if ((c is 'u' or 'U') && StartsWithWord(css, i, "url("))
            {
                i = ReadUrl(css, i + 4, ref lines, links);
            }
            else if (c == '@' && StartsWithWord(css, i, "@import"))
            {
                var j = i + 7;
                while (j < css.Length && char.IsWhiteSpace(css[j]))
                {
                    j++;
                }

                if (j < css.Length && css[j] is '"' or '\'')
                {
                    var end = SkipString(css, j);
                    links.Add(lines.Link(css[(j + 1)..Math.Max(j + 1, end - 1)], LinkElement.CssUrl, j + 1));
                    i = end;
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

        return new HtmlFacts(outputPath, links, new Dictionary<string, int>(), []);
    }

    private static bool StartsWithWord(string css, int i, string word) =>
        string.Compare(css, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i == 0 || !(char.IsAsciiLetterOrDigit(css[i - 1]) || css[i - 1] is '-' or '_'));

    private static int ReadUrl(string css, int i, ref LineCounter lines, List<HtmlLink> links)
    {
        while (i < css.Length && char.IsWhiteSpace(css[i]))
        {
            i++;
        }

        if (i < css.Length && css[i] is '"' or '\'')
        {
            var end = SkipString(css, i);
            links.Add(lines.Link(css[(i + 1)..Math.Max(i + 1, end - 1)], LinkElement.CssUrl, i + 1));
            return end;
        }

        var close = css.IndexOf(')', i);
        if (close < 0)
        {
            return css.Length;
        }

        links.Add(lines.Link(css[i..close], LinkElement.CssUrl, i));
        return close + 1;
    }

    /// <summary>The index just past the closing quote of the string starting at <paramref name="i"/>.</summary>
    private static int SkipString(string css, int i)
    {
        var quote = css[i];
        for (var j = i + 1; j < css.Length; j++)
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

        return css.Length;
    }
}
