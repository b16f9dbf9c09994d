using System.Collections.Frozen;

namespace BackSiteGen.Trust.Readability;

/// <summary>Counts the syllables of an English word by rule, the way readability tools do; no dictionary is perfect,
/// and a rule set that is written down can be checked by hand.</summary>
/// <remarks>
/// Rules, in order, for a word of letters (hyphenated words are counted part by part):
/// 1. A word in <see cref="Exceptions"/> has the syllables listed there.
/// 2. A word written in capitals of 2 to 5 letters (MRI, NHS) is an initialism read letter by letter: one syllable per letter, W three.
/// 3. Otherwise every group of adjacent vowels (a, e, i, o, u, and y when not the first letter) is one syllable, then:
///    a final silent "e" after a consonant is not a syllable (make), except in consonant + "le" (table);
///    a final "es" after a consonant is not a syllable (takes), except after s, x, z, ch, sh, c and g (boxes, wishes, changes);
///    a final "ed" after a consonant is not a syllable (walked), except after t and d (wanted);
///    both keep their syllable after consonant + "l" (tables, settled).
/// 4. Every word has at least one syllable.
/// </remarks>
internal static class SyllableCounter
{
    /// <summary>Common words of patient texts that the rules above get wrong.</summary>
    private static readonly FrozenDictionary<string, int> Exceptions = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["being"] = 2, ["doing"] = 2, ["going"] = 2, ["seeing"] = 2, ["area"] = 3, ["areas"] = 3, ["idea"] = 3, ["ideas"] = 3,
        ["create"] = 2, ["created"] = 3, ["science"] = 2, ["every"] = 2, ["everyone"] = 3, ["everything"] = 3,
        ["business"] = 2, ["nsaid"] = 2, ["nsaids"] = 2, ["recipe"] = 3, ["maybe"] = 2, ["anyone"] = 3, ["someone"] = 2,
        ["sometimes"] = 2, ["somewhere"] = 2, ["whereas"] = 2, ["therefore"] = 2, ["lifestyle"] = 2, ["ache"] = 1, ["aches"] = 1,
        ["people"] = 2, ["period"] = 3, ["periods"] = 3, ["serious"] = 3, ["various"] = 3, ["previous"] = 3, ["video"] = 3, ["radio"] = 3,
        ["diet"] = 2, ["quiet"] = 2, ["science's"] = 2, ["via"] = 2, ["real"] = 1, ["really"] = 2, ["usually"] = 4, ["actually"] = 4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Made once: GetAlternateLookup checks the comparer on every call, and it was a sixth of this class's time.
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ExceptionsBySpan = Exceptions.GetAlternateLookup<ReadOnlySpan<char>>();

    // Each thread remembers the words it counted: a site repeats its vocabulary on every page, and counting by rule was
    // most of the readability check's time (perf, 2,000-page corpus). A pure function of the word, so a remembered count
    // is the count; the memory is bounded (words past the limit are counted each time).
    private const int RememberedWords = 20_000;

    [ThreadStatic]
    private static Dictionary<string, int>? t_counted;

    public static int Count(ReadOnlySpan<char> word)
    {
        var counted = t_counted ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counted.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known))
        {
            return known;
        }

        var count = CountByRule(word);
        if (counted.Count < RememberedWords)
        {
            lookup[word] = count;
        }

        return count;
    }

    internal static int CountByRule(ReadOnlySpan<char> word)
    {
        // Most words have no hyphen: one part, counted without the split enumerator.
        if (!word.Contains('-'))
        {
            return Math.Max(1, word.Length > 0 ? CountPart(word) : 0);
        }

        var total = 0;
        foreach (var range in word.Split('-'))
        {
            var part = word[range];
            if (part.Length > 0)
            {
                total += CountPart(part);
            }
        }

        return Math.Max(1, total);
    }

    // Only the letters written below are read: zeroing the buffer first was wasted work on every word.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static int CountPart(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[64];
        lower = lower[..Math.Min(word.Length, 64)];
        var length = 0;
        var capitals = 0;
        foreach (var c in word)
        {
            if (length == lower.Length)
            {
                continue;
            }

            if (char.IsAscii(c))
            {
                // The same answers as the calls below, without their table lookups, for the letters most words are made of.
                if (char.IsAsciiLetterUpper(c))
                {
                    capitals++;
                    lower[length++] = (char)(c | 0x20);
                }
                else if (char.IsAsciiLetterLower(c))
                {
                    lower[length++] = c;
                }

                continue;
            }

            if (!char.IsLetter(c))
            {
                continue;
            }

            capitals += char.IsUpper(c) ? 1 : 0;
            lower[length++] = char.ToLowerInvariant(c);
        }

        var w = lower[..length];
        if (w.Length == 0)
        {
            return 0;
        }

        if (ExceptionsBySpan.TryGetValue(w, out var known))
        {
            return known;
        }

        if (capitals == w.Length && w.Length is >= 2 and <= 5)
        {
            var letters = 0;
            foreach (var c in w)
            {
                letters += c == 'w' ? 3 : 1;
            }

            return letters;
        }

        var count = 0;
        var previousVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w, i);
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        var n = w.Length;
        if (count > 1 && n >= 2 && w[n - 1] == 'e' && !IsVowel(w, n - 2))
        {
            // Silent final e, but "-le" after a consonant is its own syllable (ta-ble, sim-ple).
            var consonantLe = n >= 3 && w[n - 2] == 'l' && !IsVowel(w, n - 3);
            if (!consonantLe)
            {
                count--;
            }
        }
        else if (count > 1 && n >= 3 && w[n - 2] == 'e' && !IsVowel(w, n - 3))
        {
            var before = w[n - 3];
            // ta-bles, set-tled: after consonant + "l" the ending keeps its syllable.
            var consonantLe = before == 'l' && n >= 4 && !IsVowel(w, n - 4);
            if (!consonantLe && w[n - 1] == 's' && !(before is 's' or 'x' or 'z' or 'c' or 'g' || (before == 'h' && n >= 4 && w[n - 4] is 'c' or 's')))
            {
                count--;
            }
            else if (!consonantLe && w[n - 1] == 'd' && before is not ('t' or 'd'))
            {
                count--;
            }
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(ReadOnlySpan<char> w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => i > 0,
        _ => false,
    };
}
