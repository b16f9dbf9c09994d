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
        foreach (var sentence in Sentences(seed: 19, count: 20_000))
        {
            Assert.True(
                StatisticPatterns.FirstStatistic(sentence).Success == StatisticPatterns.FirstStatistic(sentence, "en").Success,
                $"statistic: \"{sentence}\"");
            Assert.True(
                StatisticPatterns.FirstDose(sentence).Success == StatisticPatterns.FirstDose(sentence, "en").Success,
                $"dose: \"{sentence}\"");
        }
    }

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

    private static IEnumerable<string> Sentences(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var words = new string[random.Next(1, 9)];
            for (var w = 0; w < words.Length; w++)
            {
                words[w] = Words[random.Next(Words.Length)];
            }

            yield return string.Join(' ', words);
        }
    }
}
