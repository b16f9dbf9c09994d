namespace BackSiteGen.Trust.Prose;

/// <summary>Splits a paragraph into sentences by the rules the readability score uses (see <c>TextAnalyzer</c>): '.',
/// '!' or '?' followed by a space or the end, never after an abbreviation or an initial, never inside a token (3.5).
/// A citation written right after the full stop (<c>pain. [@a] Next</c>) still belongs to the sentence before it.</summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "no.", "fig.", "approx.", "cf.", "al.", "ca.",
    };

    public static IReadOnlyList<Range> Split(string text)
    {
        var sentences = new List<Range>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var tokenStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > tokenStart && EndsSentence(text.AsSpan(tokenStart, i - tokenStart)))
            {
                // Citations that follow the full stop, with only spaces between, belong to this sentence.
                var end = i;
                var j = i;
                while (j < text.Length && (char.IsWhiteSpace(text[j]) || text[j] == ProseBlock.CitationMark))
                {
                    if (text[j] == ProseBlock.CitationMark)
                    {
                        end = j + 1;
                    }

                    j++;
                }

                sentences.Add(new Range(start, end));
                start = end;
                i = end;
            }
        }

        if (text.AsSpan(start).Trim().Length > 0)
        {
            sentences.Add(new Range(start, text.Length));
        }

        return sentences;
    }

    private static bool EndsSentence(ReadOnlySpan<char> token)
    {
        var end = token.Length;
        while (end > 0 && token[end - 1] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or ProseBlock.CitationMark)
        {
            end--;
        }

        if (end == 0 || token[end - 1] is not ('.' or '!' or '?'))
        {
            return false;
        }

        if (token[end - 1] != '.')
        {
            return true;
        }

        var core = token[..end].TrimStart("\"'(\u201C\u2018");
        if (Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(core))
        {
            return false;
        }

        return !(core.Length == 2 && char.IsUpper(core[0]));
    }
}
