using BackSiteGen.Diagnostics;
using Markdig.Helpers;
using Markdig.Parsers;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Parses pandoc's bracketed citations: <c>[@key]</c>, <c>[see @a, pp. 33-35 and passim; @b, chap. 1]</c>,
/// <c>[-@a]</c>, <c>[@a{ii, A}, suffix]</c>, <c>[@{odd key}]</c>.</summary>
/// <remarks>An inline parser, so code spans and code blocks never reach it. Brackets without a possible key (<c>[a@b.org]</c>),
/// links (<c>[see @a](url)</c>) and brackets holding other brackets are left to Markdig; brackets holding a key that do
/// not follow the grammar (<c>[@a;]</c>, <c>[@a,]</c>, <c>[see @a; more]</c>) become a group with an error, never text
/// published silently.</remarks>
internal sealed class CitationParser : InlineParser
{
    public CitationParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = slice.End;
        var close = FindClose(text, start, end, out var nested);
        if (nested || !HasKeyCandidate(text, start + 1, close < 0 ? end : close - 1))
        {
            return false;
        }

        if (close >= 0 && close + 1 <= end && text[close + 1] is '(' or '[')
        {
            return false; // a link or reference link whose text holds an '@': its citations are checked inside the link
        }

        var sourceStart = processor.GetSourcePosition(start, out var groupLine, out var groupColumn);
        if (close < 0)
        {
            var lineEnd = text.IndexOf('\n', start, end - start + 1);
            var last = lineEnd < 0 ? end : lineEnd - 1;
            processor.Inline = Failed(text[start..(last + 1)], $"The citation '{Short(text[start..(last + 1)])}' is never closed with ']'.", sourceStart, last - start, groupLine, groupColumn);
            slice.Start = last + 1;
            return true;
        }

        var items = CitationSyntax.ParseGroup(text, start + 1, close - 1, out var error);
        var written = text[start..(close + 1)];
        if (items is null)
        {
            processor.Inline = Failed(written, $"'{Short(written)}' looks like a citation but is not one: {error}.", sourceStart, close - start, groupLine, groupColumn);
            slice.Start = close + 1;
            return true;
        }

        var group = new CitationGroup
        {
            Span = new Markdig.Syntax.SourceSpan(sourceStart, sourceStart + (close - start)),
            Line = groupLine,
            Column = groupColumn,
            Source = written,
        };
        foreach (var item in items)
        {
            processor.GetSourcePosition(item.At, out var line, out var column);
            group.Citations.Add(new Citation(item.Key, line, column)
            {
                Prefix = item.Prefix,
                Locator = item.Locator,
                Suffix = item.Suffix,
                SuppressAuthor = item.SuppressAuthor,
            });
        }

        processor.Inline = group;
        slice.Start = close + 1;
        return true;
    }

    private static CitationGroup Failed(string written, string message, int sourceStart, int length, int line, int column) => new()
    {
        Span = new Markdig.Syntax.SourceSpan(sourceStart, sourceStart + length),
        Line = line,
        Column = column,
        Source = written,
        Error = message,
        ErrorCode = DiagnosticCodes.CitationSyntax,
    };

    /// <summary>The ']' closing the '[' at <paramref name="start"/> (skipping escapes and braced keys), or -1; a '[' or
    /// a code span inside means this bracket is not a citation (its inner brackets are parsed on their own).</summary>
    private static int FindClose(string text, int start, int end, out bool nested)
    {
        nested = false;
        for (var i = start + 1; i <= end; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    var depth = 1;
                    while (depth > 0 && ++i <= end)
                    {
                        depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
                    }

                    break;
                case '[' or '`':
                    nested = true;
                    return -1;
                case ']':
                    return i;
            }
        }

        return -1;
    }

    private static bool HasKeyCandidate(string text, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (CitationSyntax.CanStartCitation(text, i, from))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Short(string written)
    {
        var oneLine = written.ReplaceLineEndings(" ");
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }
}
