using System.Text;

namespace BackSiteGen.Trust.Readability;

/// <summary>Splits Spanish words into syllables by the rules of Spanish orthographic syllabification (RAE,
/// <i>Ortografía de la lengua española</i>, 2010, § 1.4): a syllable has one vowel nucleus; a strong vowel (a, e, o)
/// next to a weak one (i, u, ü, or y at the end of a word) forms a diphthong ("cau-sa", "hoy"), weak-strong-weak a
/// triphthong ("buey"); two strong vowels, two equal weak vowels, or an accented í or ú beside another vowel are a
/// hiatus ("le-er", "chi-i-ta", "pa-ís", "ba-úl"). The u of qu, and of gu before e or i, is not a vowel ("quie-ro",
/// "guí-a"); gü's is ("pin-güi-no"). Between nuclei one consonant starts the next syllable; ch, ll, rr count as one
/// ("ca-lle", "pe-rro", "mu-cho"); a stop or f followed by r or l starts a syllable together ("ha-blar", "o-tro"),
/// other pairs are split ("ac-to", "ins-tan-te").</summary>
/// <remarks>Rule-based, as Spanish syllabification is, with no dictionary: prefixes that spelling may split either way
/// ("de-sa-rro-llo" or "des-a-rro-llo") give the same count, which is all the readability formulas need.</remarks>
internal static class SpanishSyllables
{
    /// <summary>The number of syllables of one word; a word with letters but no vowel ("km") counts as one.</summary>
    public static int Count(ReadOnlySpan<char> word)
    {
        var units = Units(word.ToString());
        var nuclei = 0;
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].IsVowel && (i == 0 || !units[i - 1].IsVowel || Hiatus(units[i - 1].Letter, units[i].Letter)))
            {
                nuclei++;
            }
        }

        return Math.Max(nuclei, word.Length > 0 ? 1 : 0);
    }

    /// <summary>The word split into syllables with hyphens: "pa-ís", "quie-ro", "ins-tan-te".</summary>
    public static string Split(string word)
    {
        var units = Units(word);

        // Where each nucleus starts and ends (as unit indexes).
        var nuclei = new List<(int Start, int End)>();
        for (var i = 0; i < units.Count; i++)
        {
            if (!units[i].IsVowel)
            {
                continue;
            }

            if (i > 0 && units[i - 1].IsVowel && !Hiatus(units[i - 1].Letter, units[i].Letter))
            {
                nuclei[^1] = (nuclei[^1].Start, i);
            }
            else
            {
                nuclei.Add((i, i));
            }
        }

        if (nuclei.Count < 2)
        {
            return word;
        }

        // Each boundary is the unit index the next syllable starts at.
        var starts = new List<int>();
        for (var n = 1; n < nuclei.Count; n++)
        {
            var from = nuclei[n - 1].End + 1;
            var to = nuclei[n].Start;
            var consonants = to - from;
            var next = consonants switch
            {
                0 => to,
                1 => from,
                2 => Inseparable(units[from].Text, units[from + 1].Text) ? from : from + 1,
                _ => Inseparable(units[to - 2].Text, units[to - 1].Text) ? to - 2 : to - 1,
            };
            starts.Add(next);
        }

        var sb = new StringBuilder(word.Length + starts.Count);
        var s = 0;
        for (var i = 0; i < units.Count; i++)
        {
            if (s < starts.Count && starts[s] == i)
            {
                sb.Append('-');
                s++;
            }

            sb.Append(units[i].Text);
        }

        return sb.ToString();
    }

    private readonly record struct Unit(string Text, char Letter, bool IsVowel);

    /// <summary>The word as letters that act as one sound for syllables: digraphs and the silent u of qu, gu joined.</summary>
    private static List<Unit> Units(string word)
    {
        var units = new List<Unit>(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < word.Length ? char.ToLowerInvariant(word[i + 1]) : '\0';
            var after = i + 2 < word.Length ? char.ToLowerInvariant(word[i + 2]) : '\0';
            if ((lower == 'c' && next == 'h') || (lower == 'l' && next == 'l') || (lower == 'r' && next == 'r'))
            {
                units.Add(new Unit(word.Substring(i, 2), lower, false));
                i++;
            }
            else if ((lower == 'q' && next == 'u') || (lower == 'g' && next == 'u' && after is 'e' or 'é' or 'i' or 'í'))
            {
                units.Add(new Unit(word.Substring(i, 2), lower, false));
                i++;
            }
            else if (lower == 'y')
            {
                // A vowel at the end of a word or before a consonant ("hoy", "muy", "y"); a consonant before a vowel ("mayo").
                units.Add(new Unit(c.ToString(), 'i', !IsVowelLetter(next)));
            }
            else
            {
                units.Add(new Unit(c.ToString(), lower, IsVowelLetter(lower)));
            }
        }

        return units;
    }

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü' or 'à' or 'è' or 'ì' or 'ò' or 'ù' or 'ï';

    private static bool IsStrong(char c) => c is 'a' or 'e' or 'o' or 'á' or 'é' or 'ó' or 'à' or 'è' or 'ò';

    private static bool IsAccentedWeak(char c) => c is 'í' or 'ú' or 'ì' or 'ù';

    /// <summary>Whether two adjacent vowels belong to different syllables.</summary>
    private static bool Hiatus(char a, char b) =>
        (IsStrong(a) && IsStrong(b)) || IsAccentedWeak(a) || IsAccentedWeak(b) || (a == b && a is 'i' or 'u');

    /// <summary>A stop or f followed by r or l starts a syllable together (pr, bl, tr, cl, fr, gl…), except dl.</summary>
    private static bool Inseparable(string first, string second)
    {
        if (first.Length != 1 || second.Length != 1)
        {
            return false;
        }

        var (a, b) = (char.ToLowerInvariant(first[0]), char.ToLowerInvariant(second[0]));
        return (b == 'r' && a is 'p' or 'b' or 'f' or 't' or 'd' or 'c' or 'k' or 'g')
            || (b == 'l' && a is 'p' or 'b' or 'f' or 'c' or 'k' or 'g' or 't');
    }
}
