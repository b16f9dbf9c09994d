using System.Buffers;
using System.Text.RegularExpressions;

namespace BackSiteGen.Trust.Statistics;

/// <summary>What makes a sentence state a statistic, and what makes it a dose (an instruction, not a finding).</summary>
/// <remarks>
/// Statistics: a percentage (<c>64%</c>, <c>15 per cent</c>); a rate (<c>15 in every 100</c>, <c>1 in 4</c>,
/// <c>out of every 100</c>, <c>a third of people</c>); a count of people or studies (<c>438,510 people</c>,
/// <c>three trials</c>); a change in a measure (<c>20.3 points</c>, <c>twice as likely</c>, <c>half as much pain</c>,
/// <c>doubled</c>). Deliberately not: years (2017), codes (M54.51, 64628), levels (L3, type 1), scales (0 to 100),
/// durations (12 weeks), "one" before a noun ("one of these trials" names a study, it counts nothing), and vague
/// quantities ("most people"): flagging those would bury the real findings in false alarms.
/// Doses: rounds, reps, sets, breaths, seconds and minutes (<c>8 to 10 slow rounds</c>, <c>3 to 5 seconds</c>),
/// <c>N on each side</c>, and <c>once / twice / N times a day</c>.
/// </remarks>
internal static partial class StatisticPatterns
{
    private const string Number = @"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";
    private const string NumberWord = "(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundreds|a thousand|thousands|millions)";
    private const string Many = "(?:" + Number + "|" + NumberWord + "|one)";
    private const string People = "(?:people|persons|patients|participants|adults|children|men|women|cases|studies|trials|smokers|subjects|volunteers|individuals|respondents)";

    public static Match FirstStatistic(string sentence) => StatisticPattern().Match(sentence);

    public static Match FirstDose(string sentence) => DosePattern().Match(sentence);

    /// <summary>The same questions of a sentence in the page's language: Spanish pages by Spanish patterns.</summary>
    /// <remarks>Most sentences hold no number at all, and these patterns, which can start at nearly any letter, were a
    /// third of a build's CPU time (perf, 2,000-page corpus). So a sentence first has to hold a digit or one of the words
    /// that every alternative of the pattern must contain (<see cref="MayMatch"/>); only then does the regex run.</remarks>
    public static Match FirstStatistic(string sentence, string language) => IsSpanish(language)
        ? First(SpanishStatisticPattern(), sentence, SpanishStatisticCues)
        : First(StatisticPattern(), sentence, StatisticCues);

    public static Match FirstDose(string sentence, string language) => IsSpanish(language)
        ? First(SpanishDosePattern(), sentence, SpanishDoseCues)
        : First(DosePattern(), sentence, DoseCues);

    /// <summary>The same questions of a sentence of a block that <see cref="ScanBlock"/> read: when the block has no cue
    /// starting a word and no look-alike character, neither has any of its sentences, so the sentence's own cue scan is
    /// skipped and only its digits decide (<see cref="StartOfAnyMatch"/>).</summary>
    /// <remarks>Exact because a sentence starts at the block's start or right after its predecessor's last mark ('.',
    /// '!', '?', a quote, a bracket or the citation mark), never after a letter or digit: a word starts at the same
    /// places in the sentence as in the block.</remarks>
    public static Match FirstStatistic(string sentence, string language, BlockScan block) => block.MayHoldCue
        ? FirstStatistic(sentence, language)
        : FirstByDigit(IsSpanish(language) ? SpanishStatisticPattern() : StatisticPattern(), sentence);

    public static Match FirstDose(string sentence, string language, BlockScan block) => block.MayHoldCue
        ? FirstDose(sentence, language)
        : FirstByDigit(IsSpanish(language) ? SpanishDosePattern() : DosePattern(), sentence);

    /// <summary>What one scan of a block says about every sentence in it.</summary>
    /// <param name="MayHoldNumber">False when no statistic or dose can be found in the block or any part of it.</param>
    /// <param name="MayHoldCue">A cue of either pattern starts a word, or a character outside ASCII may read as one.</param>
    public readonly record struct BlockScan(bool MayHoldNumber, bool MayHoldCue);

    /// <summary>Reads a block once for <see cref="FirstStatistic(string, string, BlockScan)"/> and its dose twin; its
    /// <see cref="BlockScan.MayHoldNumber"/> is <see cref="MayHoldNumber"/>.</summary>
    public static BlockScan ScanBlock(string text, string language)
    {
        var span = text.AsSpan();
        var cue = HasCueStartingAWord(span, IsSpanish(language) ? SpanishStatisticCues : AnyCues) || HasLookAlike(span);
        return new BlockScan(cue || span.IndexOfAnyInRange('0', '9') >= 0, cue);
    }

    private static Match FirstByDigit(Regex pattern, string sentence)
    {
        var text = sentence.AsSpan();
        var digit = text.IndexOfAnyInRange('0', '9');
        return digit < 0 ? Match.Empty : pattern.Match(sentence, text.ContainsAnyExcept(Ascii) ? 0 : digit);
    }

    private static Match First(Regex pattern, string sentence, CueWords cues) =>
        StartOfAnyMatch(sentence, cues) is var start and >= 0 ? pattern.Match(sentence, start) : Match.Empty;

    /// <summary>Where the pattern's search may start without passing over a match: -1 when it cannot match at all
    /// (<see cref="MayMatch"/>), the first digit when the sentence holds digits but no cue, else 0.</summary>
    /// <remarks>Every alternative that does not begin with a number needs a cue starting a word somewhere (see
    /// <see cref="HasCueStartingAWord"/>); without one, a match begins at a digit, and in an ASCII sentence every digit
    /// is 0-9. The regex then reads only from there (it still looks back before it for <c>\b</c> and lookbehinds), not
    /// from every letter of the sentence: most sentences with a number hold it at the end, in a link's text.</remarks>
    private static int StartOfAnyMatch(string sentence, CueWords cues)
    {
        var text = sentence.AsSpan();
        if (HasCueStartingAWord(text, cues) || HasLookAlike(text))
        {
            return 0;
        }

        var digit = text.IndexOfAnyInRange('0', '9');
        return digit < 0 ? -1 : text.ContainsAnyExcept(Ascii) ? 0 : digit;
    }

    /// <summary>False when neither <see cref="FirstStatistic(string, string)"/> nor <see cref="FirstDose(string, string)"/>
    /// can match <paramref name="text"/> or any part of it.</summary>
    /// <remarks>One scan with the union of the cues (the Spanish dose cues are all statistic cues).</remarks>
    public static bool MayHoldNumber(string text, string language) => MayMatch(text, IsSpanish(language) ? SpanishStatisticCues : AnyCues);

    // What each pattern below cannot match without: every alternative begins with a number (a digit) or with a word
    // that contains one of these (ASCII, compared ignoring case). "two thirds" has "third", "a hundred" "hundred",
    // "millions" "million", "duplicó" "duplic", "una" "un". Change them with the patterns.
    private const string NumberWordCues = "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand million one";
    private const string NumberWordCuesEs = "dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cuarenta cincuenta cien mil un";
    private static readonly CueWords StatisticCues = Cues(NumberWordCues + " out half third quarter fifth twice doubled tripled halved quadrupled");
    private static readonly CueWords DoseCues = Cues(NumberWordCues + " once twice");
    private static readonly CueWords AnyCues = Cues(NumberWordCues + " out half third quarter fifth twice doubled tripled halved quadrupled once");
    private static readonly CueWords SpanishStatisticCues = Cues(NumberWordCuesEs + " mitad tercio cuarto cuarta quinto doble triple duplic triplic redujo");
    private static readonly CueWords SpanishDoseCues = Cues(NumberWordCuesEs);

    // Characters outside ASCII that the regex may read as an ASCII letter ignoring case (the Kelvin sign as k, the long
    // s as s, the dotted and dotless i) or as a digit (\d is every Unicode digit): a sentence with any of them skips the
    // cheap test and goes to the regex.
    private static readonly SearchValues<char> Ascii = SearchValues.Create(Enumerable.Range(0, 128).Select(c => (char)c).ToArray());

    private static CueWords Cues(string words) => new(words.Split(' '));

    private static bool MayMatch(string sentence, CueWords cues)
    {
        var text = sentence.AsSpan();
        return text.IndexOfAnyInRange('0', '9') >= 0 || HasCueStartingAWord(text, cues) || HasLookAlike(text);
    }

    /// <summary>Whether the text holds a character outside ASCII that the regex may read as a cue's letter or as a digit.</summary>
    private static bool HasLookAlike(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAnyExcept(Ascii); i >= 0 && i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u0130' or '\u0131' or '\u017F' or '\u212A' || char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a cue begins at a place no letter or digit comes before.</summary>
    /// <remarks>Every alternative of the patterns reads its cue word after <c>\b</c>, after <c>(?&lt;![\w.,])</c> or
    /// <c>(?&lt;!\w)</c>, or after <c>\s+</c> ("a third", "la mitad"): never right after a letter or a digit, which are
    /// word characters to all three. So a cue inside a word ("one" in "someone", "ten" in "often", "out" in "about", which
    /// sent most sentences to the regex) cannot be where a match reads it, and is passed over. Anything else before it
    /// (a mark, an underscore, a joiner) counts as a word's start: the regex decides. Letters are compared as ASCII
    /// ignoring case; the characters outside ASCII that the regex reads as a cue's letter are <see cref="HasLookAlike"/>'s.
    /// <para>The rest of a word's ASCII letters and digits is passed over in one vectorized search: no cue can start
    /// after a letter or a digit, so only each word's first character is looked at.</para></remarks>
    private static bool HasCueStartingAWord(ReadOnlySpan<char> text, CueWords cues)
    {
        var afterWordCharacter = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (!afterWordCharacter && char.IsAsciiLetter(c) && cues.StartsAt(text[i..]))
                {
                    return true;
                }

                var next = text[(i + 1)..].IndexOfAnyExcept(AsciiLettersAndDigits);
                if (next < 0)
                {
                    return false;
                }

                i += 1 + next;
                afterWordCharacter = true;
                continue;
            }

            afterWordCharacter = !char.IsAscii(c) && char.IsLetterOrDigit(c);
            i++;
        }

        return false;
    }

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Cue words by their first letter, matched at one place as ASCII ignoring case.</summary>
    /// <remarks>A scan from word start to word start: SearchValues' search for the cues stopped at nearly every word ("one",
    /// "ten" and "out" are inside "done", "often", "about"), and a search for them after a space at every " th" and " on"
    /// (perf: both slower than this loop).</remarks>
    private sealed class CueWords
    {
        private readonly string[][] _byFirstLetter = new string[26][];

        public CueWords(IReadOnlyCollection<string> words)
        {
            foreach (var group in words.Select(w => w.ToLowerInvariant()).GroupBy(w => w[0] - 'a'))
            {
                _byFirstLetter[group.Key] = [.. group];
            }
        }

        public bool StartsAt(ReadOnlySpan<char> text)
        {
            if (_byFirstLetter[(text[0] | 0x20) - 'a'] is not { } words)
            {
                return false;
            }

            foreach (var word in words)
            {
                // ASCII ignoring case, letter by letter (every cue is lower-case letters): c | 0x20 is a lower-case letter
                // only for that letter in either case, so "the" leaves "three" at its third letter without a call.
                var at = 1;
                while (at < word.Length && at < text.Length && (text[at] | 0x20) == word[at])
                {
                    at++;
                }

                if (at == word.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsSpanish(string language) => TrustStage.IsSpanish(language);

    // Spanish writes 438.510 and 53,7; "1 de cada 4", "la mitad de las personas", "el doble de", "dos veces al día".
    private const string NumberEs = @"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?";
    private const string NumberWordEs = "(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|cientos|mil|miles|millones)";
    private const string ManyEs = "(?:" + NumberEs + "|" + NumberWordEs + "|uno|una|un)";
    private const string PeopleEs = "(?:personas|pacientes|participantes|adultos|niños|niñas|hombres|mujeres|casos|estudios|ensayos|fumadores|sujetos|voluntarios|individuos)";

    [GeneratedRegex(
        @"(?<!\w)" + NumberEs + @"\s?(?:%|por\s?ciento\b)"
        + @"|\b" + ManyEs + @"\s+de\s+cada\s+" + ManyEs + @"\b"
        + @"|\b(?:la\s+mitad|un\s+tercio|dos\s+tercios|un\s+cuarto|una\s+cuarta\s+parte|tres\s+cuartos|un\s+quinto)\s+de\s+(?:las\s+|los\s+|estas\s+|estos\s+)?" + PeopleEs + @"\b"
        + @"|(?<![\w.,])(?:" + NumberEs + "|" + NumberWordEs + @")\s+(?:[\p{L}-]+\s+){0,2}?" + PeopleEs + @"\b"
        + @"|(?<![\w.,])" + NumberEs + @"\s*puntos?\b"
        + @"|\b(?:" + ManyEs + @")\s+veces\s+(?:más|menos)\b"
        + @"|\b(?:el\s+doble|el\s+triple|la\s+mitad)\s+de\s+(?:probable|probabilidad|dolor|riesgo)\b"
        + @"|\b(?:se\s+)?(?:duplicó|duplica|triplicó|triplica|redujo\s+a\s+la\s+mitad)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SpanishStatisticPattern();

    [GeneratedRegex(
        @"(?<![\w.,])(?:" + ManyEs + @")(?:\s*(?:a|o|-|–)\s*(?:" + ManyEs + @"))?\s+(?:repeticiones|repetición|rondas?|series?|respiraciones|respiración|segundos?|minutos?)\b"
        + @"|(?<![\w.,])" + NumberEs + @"(?:\s*(?:a|o|-|–)\s*" + NumberEs + @")?\s+(?:de|en|por)\s+cada\s+lado\b"
        + @"|\b(?:una\s+vez|(?:" + ManyEs + @")\s+veces)\s+(?:al|a\s+la|por|cada)\s+(?:día|semana|hora)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SpanishDosePattern();

    [GeneratedRegex(
        @"(?<!\w)" + Number + @"\s?(?:%|per\s?cent\b)"
        + @"|\b" + Many + @"\s+(?:in|out\s+of)\s+(?:every\s+)?" + Many + @"\b"
        + @"|\bout\s+of\s+every\s+" + Many + @"\b"
        + @"|\b(?:half|a\s+third|two\s+thirds|a\s+quarter|three\s+quarters|a\s+fifth)\s+of\s+(?:the\s+|all\s+|these\s+)?" + People + @"\b"
        + @"|(?<![\w.,])(?:" + Number + "|" + NumberWord + @")\s+(?:[a-z-]+\s+){0,2}?" + People + @"\b"
        + @"|(?<![\w.,])" + Number + @"\s*(?:-\s*)?points?\b"
        + @"|\b(?:" + Many + @"|twice|three)\s+times\s+(?:more|less|as|higher|lower|greater|fewer)\b"
        + @"|\b(?:twice|half)\s+as\s+(?:likely|many|much|often|common|high|low)\b"
        + @"|\b(?:doubled|tripled|halved|quadrupled)\b"
        + @"|\b" + Number + @"-fold\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatisticPattern();

    [GeneratedRegex(
        @"(?<![\w.,])(?:" + Many + @")(?:\s*(?:to|or|-|–)\s*(?:" + Many + @"))?\s+(?:slow\s+|more\s+)?(?:reps?|repetitions?|rounds?|sets?|breaths?|seconds?|secs?|minutes?|mins?)\b"
        + @"|(?<![\w.,])" + Number + @"(?:\s*(?:to|or|-|–)\s*" + Number + @")?\s+on\s+each\s+side\b"
        + @"|\b(?:once|twice|(?:" + Many + @")\s+times)\s+(?:a|an|per|each)\s+(?:day|week|hour)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DosePattern();
}
