using BackSiteGen.Trust.Statistics;

namespace BackSiteGen.Tests.Trust;

/// <summary>The cheap word test in front of the statistic and dose patterns only skips sentences the patterns could
/// never match: with it or without it, a sentence is flagged the same.</summary>
public sealed class StatisticCueTests
{
    private static readonly string[] Words =
    [
        "64%", "15", "per", "cent", "in", "every", "100", "1", "out", "of", "a", "third", "two", "thirds", "quarter", "three",
        "quarters", "fifth", "half", "people", "patients", "trials", "438,510", "20.3", "points", "twice", "as", "likely",
        "times", "more", "doubled", "halved", "5-fold", "hundreds", "thousand", "millions", "one", "once", "reps", "rounds",
        "seconds", "slow", "to", "on", "each", "side", "day", "week", "ten", "often", "someone", "back", "pain", "the",
        "\u212Aelvin", "\u017Fix", "\u0663", "TWO", "Three", "HALF", "Often", "walk", "stretch", "doctor", "-", "–", ",", ".",
    ];

    [Fact]
    public void English_sentences_are_flagged_the_same_with_the_cue_test_as_by_the_patterns_alone()
    {
        foreach (var sentence in Sentences(Words, seed: 19, count: 20_000, joined: false))
        {
            Assert.True(
                StatisticPatterns.FirstStatistic(sentence).Success == StatisticPatterns.FirstStatistic(sentence, "en").Success,
                $"statistic: \"{sentence}\"");
            Assert.True(
                StatisticPatterns.FirstDose(sentence).Success == StatisticPatterns.FirstDose(sentence, "en").Success,
                $"dose: \"{sentence}\"");
        }
    }

    // What may come between two words when the cue test asks whether a cue starts a word: nothing (a cue inside a word,
    // "someone", "often"), letters, digits, marks, joiners and punctuation either side of the regex's word boundary.
    private static readonly string[] Joints = [" ", "", "", "", "-", ".", ",", "_", "'", "(", "é", "x", "7", "\u0301", "\u200D", "\u00A0", "\n", "\u0663"];

    private static readonly string[] SpanishWords =
    [
        "64", "%", "por", "ciento", "de", "cada", "una", "uno", "un", "la", "mitad", "el", "doble", "triple", "tercio", "cuarta",
        "parte", "personas", "pacientes", "estudios", "veces", "más", "menos", "se", "duplicó", "triplica", "redujo", "a", "dos",
        "tres", "ocho", "diez", "cien", "cientos", "mil", "miles", "millones", "repeticiones", "series", "segundos", "lado", "al",
        "día", "vez", "dolor", "riesgo", "camine", "alguno", "dosis", "puntos", "438.510", "53,7", "DOS", "Una",
    ];

    [Fact]
    public void English_words_run_together_are_flagged_the_same_with_the_cue_test_as_by_the_patterns_alone()
    {
        foreach (var sentence in Sentences(Words, seed: 24, count: 20_000, joined: true))
        {
            Assert.True(
                StatisticPatterns.FirstStatistic(sentence).Success == StatisticPatterns.FirstStatistic(sentence, "en").Success,
                $"statistic: \"{sentence}\"");
            Assert.True(
                StatisticPatterns.FirstDose(sentence).Success == StatisticPatterns.FirstDose(sentence, "en").Success,
                $"dose: \"{sentence}\"");
        }
    }

    [Fact]
    public void Spanish_sentences_are_flagged_the_same_with_the_cue_test_as_by_the_patterns_alone()
    {
        foreach (var joined in new[] { false, true })
        {
            foreach (var sentence in Sentences(SpanishWords, seed: 25, count: 20_000, joined))
            {
                Assert.True(
                    StatisticPatterns.SpanishStatisticPattern().IsMatch(sentence) == StatisticPatterns.FirstStatistic(sentence, "es").Success,
                    $"statistic: \"{sentence}\"");
                Assert.True(
                    StatisticPatterns.SpanishDosePattern().IsMatch(sentence) == StatisticPatterns.FirstDose(sentence, "es").Success,
                    $"dose: \"{sentence}\"");
            }
        }
    }

    // Words with no cue starting them (some with one inside: "often", "alguno"), so that blocks without a cue are common.
    private static readonly string[] CueFreeWords = ["back", "pain", "the", "walk", "12", "3.5", "5-fold", "64%", "15", "people", "per", "cent", "every", "times", "more", "reps", "seconds", "on", "each", "side", "day", "points", "often", "someone", "about", "done", "438,510"];

    private static readonly string[] SpanishCueFreeWords = ["dolor", "camine", "12", "3,5", "64", "%", "por", "ciento", "personas", "pacientes", "veces", "más", "repeticiones", "segundos", "lado", "día", "puntos", "alguno", "438.510", "de", "cada"];

    [Fact]
    public void Sentences_of_a_block_read_once_find_what_the_patterns_find_in_each_sentence()
    {
        // Blocks of random sentences, split as the check splits them; a block without a cue decides by digits alone.
        var marks = new[] { ". ", "! ", "? ", ".\" ", ".) ", ". \uFFFC ", ".\uFFFC ", " " };
        var random = new Random(26);
        foreach (var (vocabularies, language) in new[] { (new[] { Words, CueFreeWords }, "en"), ([SpanishWords, SpanishCueFreeWords], "es") })
        {
            var sentences = vocabularies.Select((v, i) => Sentences(v, seed: 27 + i, count: 20_000, joined: true).ToList()).ToList();
            for (var b = 0; b < 10_000; b++)
            {
                var pool = sentences[random.Next(4) == 0 ? 0 : 1];
                var block = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => pool[random.Next(pool.Count)] + marks[random.Next(marks.Length)]));
                var scan = StatisticPatterns.ScanBlock(block, language);
                foreach (var range in BackSiteGen.Trust.Prose.SentenceSplitter.Split(block))
                {
                    var sentence = block[range];
                    var (statistic, dose) = language == "es"
                        ? (StatisticPatterns.SpanishStatisticPattern().Match(sentence), StatisticPatterns.SpanishDosePattern().Match(sentence))
                        : (StatisticPatterns.FirstStatistic(sentence), StatisticPatterns.FirstDose(sentence));
                    var (fastStatistic, fastDose) = scan.MayHoldNumber
                        ? (StatisticPatterns.FirstStatistic(sentence, language, scan), StatisticPatterns.FirstDose(sentence, language, scan))
                        : (System.Text.RegularExpressions.Match.Empty, System.Text.RegularExpressions.Match.Empty);
                    Assert.True(Found(statistic) == Found(fastStatistic), $"statistic: \"{sentence}\" in \"{block}\"");
                    Assert.True(Found(dose) == Found(fastDose), $"dose: \"{sentence}\" in \"{block}\"");
                }
            }
        }
    }

    private static string Found(System.Text.RegularExpressions.Match match) => match.Success ? $"{match.Index}: {match.Value}" : "none";

    [Theory]
    [InlineData("El 64 % de los pacientes mejoró.", true, false)]
    [InlineData("Una de cada cuatro personas tiene dolor.", true, false)]
    [InlineData("La mitad de las personas mejora.", true, false)]
    [InlineData("El dolor se redujo a la mitad.", true, false)]
    [InlineData("El riesgo se duplicó en un año.", true, false)]
    [InlineData("Haga de ocho a diez repeticiones, dos veces al día.", false, true)]
    [InlineData("Repita una vez al día.", false, true)]
    [InlineData("Camine despacio y descanse cuando lo necesite.", false, false)]
    public void Spanish_statistics_and_doses_are_still_found(string sentence, bool statistic, bool dose)
    {
        Assert.Equal(statistic, StatisticPatterns.FirstStatistic(sentence, "es").Success);
        Assert.Equal(dose, StatisticPatterns.FirstDose(sentence, "es").Success);
    }

    /// <summary>Random sentences of <paramref name="vocabulary"/>: words between spaces, or when <paramref name="joined"/>,
    /// run together or between any of <see cref="Joints"/>.</summary>
    private static IEnumerable<string> Sentences(string[] vocabulary, int seed, int count, bool joined)
    {
        var random = new Random(seed);
        var sentence = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sentence.Clear();
            var words = random.Next(1, 9);
            for (var w = 0; w < words; w++)
            {
                if (w > 0)
                {
                    sentence.Append(joined ? Joints[random.Next(Joints.Length)] : " ");
                }

                sentence.Append(vocabulary[random.Next(vocabulary.Length)]);
            }

            yield return sentence.ToString();
        }
    }
}
