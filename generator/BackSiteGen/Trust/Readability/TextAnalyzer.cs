namespace BackSiteGen.Trust.Readability;

/// <summary>Counts words, sentences and syllables in a page's readable text.</summary>
/// <remarks>
/// The text arrives as blocks (the title, each heading, paragraph and list item), and the end of a block always
/// ends a sentence, because a reader treats a heading or a bullet as a complete thought even without a full stop.
/// Within a block a sentence ends at '.', '!' or '?' (and any closing quotes or brackets after it) followed by a
/// space or the end of the block, except after an abbreviation in <see cref="Abbreviations"/> ("e.g.", "Dr.") or a
/// single letter (an initial). A '.' inside a token (3.5, e.g) never ends a sentence. A block without words adds no sentence.
/// A word is a run of non-space characters containing a letter; tokens without letters (12, 3.5, 64628, 2026) are
/// skipped, neither words nor syllables: numbers are read at a glance, and counting "64628" as one syllable or as
/// "sixty-four thousand…" would both distort short pages.
/// </remarks>
internal static class TextAnalyzer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "no.", "fig.", "approx.", "cf.", "al.", "ca.",
    };

    /// <summary>Abbreviations a Spanish sentence does not end at ("p. ej.", "Dra.", "aprox.").</summary>
    private static readonly HashSet<string> SpanishAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "p.", "ej.", "etc.", "dr.", "dra.", "sr.", "sra.", "srta.", "ud.", "uds.", "núm.", "pág.", "págs.", "aprox.", "fig.", "vol.", "cap.", "et.", "al.", "vs.",
    };

    // Made once: GetAlternateLookup checks the comparer on every call.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationsBySpan = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanishAbbreviationsBySpan = SpanishAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Counts a word's syllables.</summary>
    public delegate int SyllableCount(ReadOnlySpan<char> word);

    public static TextStatistics Analyze(IEnumerable<string> blocks) => Analyze(blocks, SyllableCounter.Count, AbbreviationsBySpan);

    /// <summary>The same counts for Spanish text: Spanish syllables (<see cref="SpanishSyllables"/>) and abbreviations.</summary>
    public static TextStatistics AnalyzeSpanish(IEnumerable<string> blocks) => Analyze(blocks, SpanishSyllables.Count, SpanishAbbreviationsBySpan);

    private static TextStatistics Analyze(IEnumerable<string> blocks, SyllableCount counter, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> abbreviations)
    {
        var (words, sentences, syllables, poly) = (0, 0, 0, 0);
        foreach (var block in blocks)
        {
            var wordsInSentence = 0;
            // The tokens SplitAny(" \t\n\r\u00A0") gives, found by a plain loop: words are a few letters long, shorter
            // than a vectorized search pays for, and the enumerator's bookkeeping was as costly as the search.
            var rest = block.AsSpan();
            for (var more = true; more;)
            {
                var space = 0;
                while (space < rest.Length && rest[space] is not (' ' or '\t' or '\n' or '\r' or '\u00A0'))
                {
                    space++;
                }

                var token = rest[..space];
                more = space < rest.Length;
                rest = more ? rest[(space + 1)..] : default;
                if (token.Length == 0 || !ContainsLetter(token))
                {
                    continue;
                }

                var word = TrimPunctuation(token);
                var count = counter(word);
                words++;
                wordsInSentence++;
                syllables += count;
                poly += count >= 3 ? 1 : 0;
                if (EndsSentence(token, abbreviations))
                {
                    sentences++;
                    wordsInSentence = 0;
                }
            }

            if (wordsInSentence > 0)
            {
                sentences++;
            }
        }

        return new TextStatistics(words, sentences, syllables, poly);
    }

    /// <summary>The words the counts are made of, stripped of punctuation as they are counted, so another syllable
    /// counter can be compared with ours on exactly the same words.</summary>
    internal static List<string> WordsOf(IEnumerable<string> blocks)
    {
        var words = new List<string>();
        foreach (var block in blocks)
        {
            foreach (var range in block.AsSpan().SplitAny(" \t\n\r\u00A0"))
            {
                var token = block.AsSpan()[range];
                if (token.Length > 0 && ContainsLetter(token))
                {
                    words.Add(TrimPunctuation(token).ToString());
                }
            }
        }

        return words;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> token)
    {
        var start = 0;
        var end = token.Length;
        while (start < end && !char.IsLetterOrDigit(token[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(token[end - 1]))
        {
            end--;
        }

        return token[start..end];
    }

    private static bool EndsSentence(ReadOnlySpan<char> token, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> abbreviations)
    {
        var end = token.Length;
        while (end > 0 && token[end - 1] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '\u00BB')
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

        var core = token[..end].TrimStart("\"'(\u201C\u2018\u00AB\u00BF\u00A1");
        if (abbreviations.Contains(core))
        {
            return false;
        }

        // An initial such as "J." in "J. Smith".
        return !(core.Length == 2 && char.IsUpper(core[0]));
    }
}
