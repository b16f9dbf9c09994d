using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackSiteGen.Config;

/// <summary>Reads the shape nearly every front matter has, one <c>key: value</c> per line, straight into the events
/// YamlDotNet's parser would produce for it, positions included. Anything else is left to YamlDotNet.</summary>
/// <remarks>YamlDotNet's scanner costs far more than the node model built from its events: for a page's seven keys it
/// was most of the time and allocation of reading the front matter. The accepted shape is deliberately narrow, so
/// that it has exactly one reading: a key is a plain word at the start of a line, followed by ': ' and a value that is
/// either a plain scalar (starting with a letter, a digit or a harmless mark such as '/', no comment, no ': ', no tab or trailing space) or a
/// double-quoted scalar without escapes, and nothing else on the line. Blank lines, comments, indentation, empty
/// values, repeated keys and text that does not end with a line break all fall back. A test compares the events with
/// YamlDotNet's on generated input.</remarks>
public static class FlatMappingReader
{
    // More scalars than this and the shape guard has something to say; let it.
    private const int MaxKeys = YamlShapeGuard.MaxExpandedNodes / 4;

    /// <summary>True, with the events added to <paramref name="events"/>, when <paramref name="text"/> has the flat shape.
    /// False when it has not; <paramref name="events"/> may then hold some events and must be cleared.</summary>
    public static bool TryRead(string text, List<ParsingEvent> events)
    {
        if (text.Length == 0 || text[^1] != '\n')
        {
            return false;
        }

        var start = new Mark(0, 1, 1);
        events.Add(new StreamStart(start, start));
        events.Add(new DocumentStart(null, new TagDirectiveCollection(Constants.DefaultTagDirectives), true, start, start));
        events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start));
        var line = 1;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (!TryReadLine(text, lineStart, lineEnd, line, events) || events.Count > 3 + (2 * MaxKeys))
            {
                return false;
            }

            lineStart = lineEnd + 1;
            line++;
        }

        var end = new Mark(text.Length, line, 1);
        events.Add(new MappingEnd(end, end));
        events.Add(new DocumentEnd(true, end, end));
        events.Add(new StreamEnd(end, end));
        return true;
    }

    private static bool TryReadLine(string text, int lineStart, int lineEnd, int line, List<ParsingEvent> events)
    {
        var i = lineStart;
        if (!char.IsAsciiLetter(text[i]) && text[i] != '_')
        {
            return false;
        }

        while (i < lineEnd && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
        {
            i++;
        }

        var keyEnd = i;
        if (keyEnd + 1 >= lineEnd || text[keyEnd] != ':' || text[keyEnd + 1] != ' ')
        {
            return false;
        }

        i = keyEnd + 1;
        while (i < lineEnd && text[i] == ' ')
        {
            i++;
        }

        if (i == lineEnd)
        {
            return false;
        }

        var valueStart = i;
        ScalarStyle style;
        string value;
        if (text[valueStart] == '"')
        {
            // The closing quote must end the line, and nothing between may need unescaping or folding.
            if (lineEnd - valueStart < 2 || text[lineEnd - 1] != '"')
            {
                return false;
            }

            for (i = valueStart + 1; i < lineEnd - 1; i++)
            {
                if (text[i] is '"' or '\\' || !IsPrintable(text[i]))
                {
                    return false;
                }
            }

            style = ScalarStyle.DoubleQuoted;
            value = text.Substring(valueStart + 1, lineEnd - valueStart - 2);
        }
        else
        {
            // Nothing that YAML reads as an indicator at the start of a value: '/' for permalinks, '(' and '.' for text.
            if (!char.IsAsciiLetterOrDigit(text[valueStart]) && text[valueStart] is < '\u0080' and not ('/' or '(' or '.' or '_' or '$' or '+' or '='))
            {
                return false;
            }

            for (i = valueStart; i < lineEnd; i++)
            {
                var c = text[i];
                var ok = c switch
                {
                    '#' or '"' or '\t' => false,
                    ':' => i + 1 < lineEnd && text[i + 1] != ' ',
                    _ => IsPrintable(c),
                };
                if (!ok)
                {
                    return false;
                }
            }

            if (text[lineEnd - 1] == ' ')
            {
                return false;
            }

            style = ScalarStyle.Plain;
            value = text[valueStart..lineEnd];
        }

        var key = text[lineStart..keyEnd];
        for (var e = 4; e < events.Count; e += 2)
        {
            if (((Scalar)events[e - 1]).Value == key)
            {
                return false;
            }
        }

        events.Add(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, true, false, At(lineStart), At(keyEnd), isKey: true));
        events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value, style, style == ScalarStyle.Plain, style != ScalarStyle.Plain, At(valueStart), At(lineEnd)));
        return true;

        Mark At(int index) => new(index, line, index - lineStart + 1);
    }

    // What YamlDotNet reads as an ordinary character on a line: no controls, no line or paragraph separators (breaks in
    // YAML 1.1), no byte-order mark, no surrogates (so that a column is one UTF-16 unit).
    private static bool IsPrintable(char c) =>
        c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF' and not '\u2028' and not '\u2029') or (>= '\uE000' and <= '\uFFFD' and not '\uFEFF');
}
