using Markdig.Helpers;
using Markdig.Parsers;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Parses pandoc's bracketed citations: <c>[@key]</c>, <c>[@a; @b]</c>, <c>[@key, p. 12]</c>, <c>[@{odd key}]</c>.</summary>
/// <remarks>An inline parser, so code spans and code blocks never reach it. Anything that does not match the whole
/// grammar (<c>[see @a]</c>, <c>[a@b.org]</c>, a link <c>[@a](url)</c>) is left to Markdig's link parser.</remarks>
internal sealed class CitationParser : InlineParser
{
    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = slice.End;
        var i = start + 1;
        if (i > end || text[i] != '@')
        {
            return false;
        }

        List<Citation>? citations = null;
        while (true)
        {
            if (i > end || text[i] != '@')
            {
                return false;
            }

            var at = i++;
            var key = ReadKey(text, ref i, end);
            if (key is null)
            {
                return false;
            }

            i = SkipWhitespace(text, i, end);
            string? locator = null;
            if (i <= end && text[i] == ',')
            {
                var from = ++i;
                while (i <= end && text[i] is not (';' or ']' or '['))
                {
                    i++;
                }

                locator = text[from..Math.Min(i, end + 1)].Trim();
                if (i > end || text[i] == '[' || locator.Length == 0)
                {
                    return false;
                }
            }

            processor.GetSourcePosition(at, out var line, out var column);
            (citations ??= []).Add(new Citation(key, locator, line, column));
            if (i > end)
            {
                return false;
            }

            if (text[i] == ']')
            {
                break;
            }

            if (text[i] != ';')
            {
                return false;
            }

            i = SkipWhitespace(text, i + 1, end);
        }

        // "[@a](url)" is a link whose text starts with "@", not a citation.
        if (i + 1 <= end && text[i + 1] == '(')
        {
            return false;
        }

        var sourceStart = processor.GetSourcePosition(start, out var groupLine, out var groupColumn);
        var group = new CitationGroup
        {
            Span = new Markdig.Syntax.SourceSpan(sourceStart, sourceStart + (i - start)),
            Line = groupLine,
            Column = groupColumn,
        };
        group.Citations.AddRange(citations);
        processor.Inline = group;
        slice.Start = i + 1;
        return true;
    }

    /// <summary>pandoc's key: a letter, digit or '_' first, then word characters and internal punctuation
    /// <c>:.#$%&amp;-+?&lt;&gt;~/</c>; punctuation at the end belongs to the sentence ("[@a.]" cites "a").
    /// <c>@{…}</c> takes anything up to the closing brace.</summary>
    private static string? ReadKey(string text, ref int i, int end)
    {
        if (i <= end && text[i] == '{')
        {
            var close = text.IndexOf('}', i + 1);
            if (close < 0 || close > end || close == i + 1)
            {
                return null;
            }

            var braced = text[(i + 1)..close];
            i = close + 1;
            return braced;
        }

        if (i > end || !IsWordChar(text[i]))
        {
            return null;
        }

        var from = i;
        var afterWord = i;
        while (i <= end)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                afterWord = ++i;
            }
            else if (IsInternalPunctuation(c))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        i = afterWord;
        return text[from..afterWord];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsInternalPunctuation(char c) =>
        c is ':' or '.' or '#' or '$' or '%' or '&' or '-' or '+' or '?' or '<' or '>' or '~' or '/';

    private static int SkipWhitespace(string text, int i, int end)
    {
        while (i <= end && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }
}
