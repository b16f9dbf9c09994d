namespace BackSiteGen.Markdown;

/// <summary>Bounds how deeply Markdown may nest, and finds the line where a body nests too deeply.</summary>
/// <remarks>Markdig parses and renders nested blocks and inlines recursively, and .NET cannot catch a stack overflow:
/// the process would just die. Markdig 1.6 has its own guard (<c>MaximumNestingDepth</c>, which throws an
/// <see cref="ArgumentException"/> without a position); we set it lower than its default of 128 and, only when it
/// fires, scan the body once to tell the writer which line to fix.</remarks>
public static class NestingDepth
{
    /// <summary>Far beyond any readable page (a list nested 64 deep is unreadable), far below what overflows a 1 MB stack.</summary>
    public const int Limit = 64;

    /// <summary>The 0-based line where block quotes and lists first nest deeper than <see cref="Limit"/>, or null.</summary>
    /// <remarks>Checked before Markdig parses: a list indented thousands of levels is megabytes of spaces, which Markdig
    /// takes minutes to reject, so this linear scan answers first.</remarks>
    public static int? FirstTooDeepLine(string body)
    {
        var line = 0;
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0)
            {
                end = body.Length;
            }

            if (ContainerDepth(body.AsSpan(start, end - start)) > Limit)
            {
                return line;
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    /// <summary>The 0-based line of <paramref name="body"/> that nests deepest: block quotes and list markers at the start
    /// of the line and their indentation, else the most brackets and emphasis marks.</summary>
    public static int DeepestLine(string body)
    {
        var (bestLine, bestDepth) = (0, -1);
        var (inlineLine, inlineCount) = (0, -1);
        var line = 0;
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0)
            {
                end = body.Length;
            }

            var text = body.AsSpan(start, end - start);
            var depth = ContainerDepth(text);
            if (depth > bestDepth)
            {
                (bestLine, bestDepth) = (line, depth);
            }

            var marks = 0;
            foreach (var c in text)
            {
                if (c is '[' or '*' or '_' or '<' or '(')
                {
                    marks++;
                }
            }

            if (marks > inlineCount)
            {
                (inlineLine, inlineCount) = (line, marks);
            }

            start = end + 1;
            line++;
        }

        return bestDepth >= Limit ? bestLine : inlineLine;
    }

    /// <summary>Block quote and list markers before the line's text, counting every two columns of indentation as a level.</summary>
    private static int ContainerDepth(ReadOnlySpan<char> text)
    {
        var (markers, column, i) = (0, 0, 0);
        var indentation = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                column += c == '\t' ? 4 - (column % 4) : 1;
                i++;
                if (markers == 0)
                {
                    indentation = column;
                }

                continue;
            }

            if (c == '>')
            {
                markers++;
                column++;
                i++;
                continue;
            }

            if (c is '-' or '*' or '+' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t'))
            {
                markers++;
                column++;
                i++;
                continue;
            }

            var digits = 0;
            while (i + digits < text.Length && digits < 10 && char.IsAsciiDigit(text[i + digits]))
            {
                digits++;
            }

            if (digits > 0 && i + digits < text.Length && text[i + digits] is '.' or ')' && (i + digits + 1 == text.Length || text[i + digits + 1] is ' ' or '\t'))
            {
                markers++;
                column += digits + 1;
                i += digits + 1;
                continue;
            }

            break;
        }

        return markers == 0 ? 0 : markers + (indentation / 2);
    }
}
