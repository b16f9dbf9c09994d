namespace BackSiteGen.Markdown;

/// <summary>Finds a paragraph with more unclosed link destinations than any page has, before Markdig parses it.</summary>
/// <remarks>Markdig scans to the end of the paragraph for the destination of every unclosed <c>](</c>, so a paragraph of
/// 500 KB of <c>[a](b</c> took two minutes (quadratic). No readable paragraph has a thousand links; this linear scan
/// turns such input into a located error instead of a hung build.</remarks>
public static class LinkDensity
{
    public const int Limit = 1000;

    /// <summary>The 0-based line where a paragraph (lines up to a blank one) with more than <see cref="Limit"/>
    /// unclosed <c>](</c> starts, or null.</summary>
    public static int? FirstDenseParagraph(string body)
    {
        var (line, paragraphLine, count, start) = (0, 0, 0, 0);
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0)
            {
                end = body.Length;
            }

            var text = body.AsSpan(start, end - start);
            if (text.IsWhiteSpace())
            {
                (count, paragraphLine) = (0, line + 1);
            }
            else
            {
                for (var at = text.IndexOf("](", StringComparison.Ordinal); at >= 0;)
                {
                    var next = Next(text, at);
                    var destination = text[(at + 2)..(next < 0 ? text.Length : next)];

                    // Only a destination with no ')' before the next "](" makes Markdig search on: "[a](b)" costs nothing.
                    if (!destination.Contains(')') && ++count > Limit)
                    {
                        return paragraphLine;
                    }

                    at = next;
                }
            }

            start = end + 1;
            line++;
        }

        return null;

        static int Next(ReadOnlySpan<char> text, int at)
        {
            var rest = text[(at + 2)..].IndexOf("](", StringComparison.Ordinal);
            return rest < 0 ? -1 : at + 2 + rest;
        }
    }
}
