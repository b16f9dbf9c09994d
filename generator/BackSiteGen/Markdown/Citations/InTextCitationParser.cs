using BackSiteGen.Diagnostics;
using Markdig.Helpers;
using Markdig.Parsers;

namespace BackSiteGen.Markdown.Citations;

/// <summary>Parses pandoc's in-text citations: <c>@smith04 says</c> and <c>@smith04 [p. 33] says</c>.</summary>
/// <remarks>pandoc prints the author's name there; AMA's numbered style names no authors in citations, so an in-text
/// citation is the same superscript number as <c>[@smith04]</c> (the README says so). An '@' inside a word
/// (<c>a@b.org</c>) or not followed by a key stays text.</remarks>
internal sealed class InTextCitationParser : InlineParser
{
    public InTextCitationParser() => OpeningCharacters = ['@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var end = slice.End;
        if (start > 0 && CitationSyntax.IsWordChar(text[start - 1]))
        {
            return false;
        }

        var i = start + 1;
        var key = CitationSyntax.ReadKey(text, ref i, end);
        if (key is null)
        {
            return false;
        }

        var last = i - 1;
        CitationLocator? locator = null;
        string? suffix = null;
        string? error = null;
        if (Brackets(text, i, end) is var (open, close) && open >= 0)
        {
            if (CitationSyntax.ParseAfterKey(text[(open + 1)..close].Trim(), inBrackets: true, out locator, out suffix, out var restError))
            {
                last = close;
            }
            else
            {
                error = restError;
                last = close;
            }
        }

        var sourceStart = processor.GetSourcePosition(start, out var line, out var column);
        var written = text[start..(last + 1)];
        var group = new CitationGroup
        {
            Span = new Markdig.Syntax.SourceSpan(sourceStart, sourceStart + (last - start)),
            Line = line,
            Column = column,
            InText = true,
            Source = written,
        };
        if (error is not null)
        {
            group.Error = $"'{CitationParser.Short(written)}' looks like a citation but is not one: understood @{key}, then {error}.";
            group.ErrorCode = DiagnosticCodes.CitationSyntax;
        }
        else
        {
            group.Citations.Add(new Citation(key, line, column) { Locator = locator, Suffix = suffix?.TrimStart() });
        }

        processor.Inline = group;
        slice.Start = last + 1;
        return true;
    }

    /// <summary>pandoc's "<c>@key [p. 33]</c>": one optional space, then brackets holding no key of their own and not
    /// starting a link; (-1, -1) when there are none.</summary>
    private static (int Open, int Close) Brackets(string text, int i, int end)
    {
        if (i <= end && text[i] == ' ')
        {
            i++;
        }

        if (i > end || text[i] != '[' || (i + 1 <= end && text[i + 1] == '^'))
        {
            return (-1, -1);
        }

        for (var j = i + 1; j <= end; j++)
        {
            if (text[j] is '[' or '@' or '`')
            {
                return (-1, -1);
            }

            if (text[j] == ']')
            {
                return j + 1 <= end && text[j + 1] is '(' or '[' ? (-1, -1) : (i, j);
            }
        }

        return (-1, -1);
    }
}
