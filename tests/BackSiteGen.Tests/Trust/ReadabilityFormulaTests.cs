using BackSiteGen.Trust.Readability;

namespace BackSiteGen.Tests.Trust;

/// <summary>The formulas against texts counted by hand. Every expected score is worked out in the comment above it
/// from the published formulas:
/// FK grade = 0.39 × (words/sentences) + 11.8 × (syllables/words) − 15.59;
/// reading ease = 206.835 − 1.015 × (words/sentences) − 84.6 × (syllables/words);
/// SMOG = 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.</summary>
public sealed class ReadabilityFormulaTests
{
    private static ReadabilityScore Score(params string[] blocks) => ReadabilityScore.From(TextAnalyzer.Analyze(blocks));

    [Fact]
    public void One_syllable_words_in_short_sentences()
    {
        // "The cat sat on the mat. The dog ran." 9 words, 2 sentences, 9 syllables (all one each), 0 polysyllables.
        // words/sentences = 4.5, syllables/words = 1.
        // grade = 0.39 × 4.5 + 11.8 × 1 − 15.59 = 1.755 + 11.8 − 15.59 = −2.035
        // ease = 206.835 − 1.015 × 4.5 − 84.6 × 1 = 206.835 − 4.5675 − 84.6 = 117.6675
        // SMOG = 1.0430 × √0 + 3.1291 = 3.1291
        var score = Score("The cat sat on the mat. The dog ran.");

        Assert.Equal(new TextStatistics(9, 2, 9, 0), score.Statistics);
        Assert.Equal(-2.035, score.Grade, 3);
        Assert.Equal(117.6675, score.ReadingEase, 4);
        Assert.Equal(3.1291, score.Smog, 4);
    }

    [Fact]
    public void Long_words_raise_the_grade()
    {
        // "Physical therapy helps. Exercise is important."
        // physical 3 (phy-si-cal), therapy 3 (the-ra-py), helps 1, exercise 3 (ex-er-cise, silent e),
        // is 1, important 3 (im-por-tant): 6 words, 2 sentences, 14 syllables, 4 polysyllables.
        // words/sentences = 3, syllables/words = 14/6 = 2.3333…
        // grade = 0.39 × 3 + 11.8 × 2.3333 − 15.59 = 1.17 + 27.5333 − 15.59 = 13.1133
        // ease = 206.835 − 1.015 × 3 − 84.6 × 2.3333 = 206.835 − 3.045 − 197.4 = 6.39
        // SMOG = 1.0430 × √(4 × 30 / 2) + 3.1291 = 1.0430 × 7.745967 + 3.1291 = 8.079044 + 3.1291 = 11.2081
        var score = Score("Physical therapy helps. Exercise is important.");

        Assert.Equal(new TextStatistics(6, 2, 14, 4), score.Statistics);
        Assert.Equal(13.1133, score.Grade, 4);
        Assert.Equal(6.39, score.ReadingEase, 4);
        Assert.Equal(11.2081, score.Smog, 4);
    }

    [Fact]
    public void Headings_and_list_items_end_sentences_without_a_full_stop()
    {
        // Blocks "How to rest", "Lie down", "Walk a bit each day." → 3 sentences;
        // words 3 + 2 + 5 = 10, all one syllable: 10 syllables.
        // grade = 0.39 × (10/3) + 11.8 × 1 − 15.59 = 1.3 + 11.8 − 15.59 = −2.49
        var score = Score("How to rest", "Lie down", "Walk a bit each day.");

        Assert.Equal(new TextStatistics(10, 3, 10, 0), score.Statistics);
        Assert.Equal(-2.49, score.Grade, 4);
    }

    [Fact]
    public void Abbreviations_and_decimals_do_not_end_sentences_and_numbers_are_not_words()
    {
        // "Take 3.5 mg, e.g. with food. Rest!" → sentences end only at "food." and "Rest!": 2.
        // Words: take, mg, e.g., with, food, rest = 6 ("3.5" has no letter and is skipped).
        var score = Score("Take 3.5 mg, e.g. with food. Rest!");

        Assert.Equal(2, score.Statistics.Sentences);
        Assert.Equal(6, score.Statistics.Words);
    }

    [Fact]
    public void A_text_without_words_scores_zero()
    {
        var score = Score("", "12 345");

        Assert.Equal(0, score.Statistics.Words);
        Assert.Equal(0, score.Grade);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("make", 1)] // silent final e
    [InlineData("table", 2)] // consonant + le
    [InlineData("tables", 2)]
    [InlineData("while", 1)]
    [InlineData("walked", 1)] // silent -ed
    [InlineData("wanted", 2)] // -ed after t
    [InlineData("takes", 1)] // silent -es
    [InlineData("boxes", 2)] // -es after x
    [InlineData("changes", 2)] // -es after g
    [InlineData("agreed", 2)]
    [InlineData("exercise", 3)]
    [InlineData("exercises", 4)]
    [InlineData("physical", 3)]
    [InlineData("therapy", 3)]
    [InlineData("people", 2)] // exception list
    [InlineData("being", 2)] // exception list
    [InlineData("MRI", 3)] // initialism, letter by letter
    [InlineData("long-lasting", 3)] // parts summed
    [InlineData("basivertebral", 5)]
    public void Syllables(string word, int expected) => Assert.Equal(expected, SyllableCounter.Count(word));

    [Fact]
    public void A_remembered_count_is_the_count_by_rule_whatever_came_before()
    {
        // Words that differ only in case, hyphens, endings or one letter, counted in a random order, twice each.
        string[] stems = ["table", "Table", "TABLE", "tables", "MRI", "mri", "long-lasting", "people", "peoples", "walked", "wanted", "-", "a-", "x", "naïve", "Ærø", "café", "NHS", "WWW", "being", "beings"];
        var random = new Random(24);
        var words = Enumerable.Range(0, 5_000).Select(_ => stems[random.Next(stems.Length)] + (random.Next(4) == 0 ? "s" : string.Empty)).ToList();
        foreach (var word in words.Concat(words))
        {
            Assert.True(SyllableCounter.CountByRule(word) == SyllableCounter.Count(word), word);
        }
    }
}
