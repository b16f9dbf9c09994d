namespace BackSiteGen.Trust.Readability;

/// <summary>The three scores of a text, and the counts they came from so a report can show its working.</summary>
public sealed record ReadabilityScore(TextStatistics Statistics, double Grade, double ReadingEase, double Smog)
{
    public static ReadabilityScore Empty { get; } = new(default, 0, 0, 0);

    /// <summary>The published formulas; a text without words scores 0 rather than dividing by zero.</summary>
    public static ReadabilityScore From(TextStatistics s)
    {
        if (s.Words == 0 || s.Sentences == 0)
        {
            return Empty with { Statistics = s };
        }

        var wordsPerSentence = (double)s.Words / s.Sentences;
        var syllablesPerWord = (double)s.Syllables / s.Words;
        // Flesch-Kincaid grade (Kincaid et al. 1975) and Flesch Reading Ease (Flesch 1948).
        var grade = (0.39 * wordsPerSentence) + (11.8 * syllablesPerWord) - 15.59;
        var ease = 206.835 - (1.015 * wordsPerSentence) - (84.6 * syllablesPerWord);
        // SMOG (McLaughlin 1969, the regression form): defined for 30 sentences, scaled here as readability tools do.
        var smog = (1.0430 * Math.Sqrt(s.Polysyllables * (30.0 / s.Sentences))) + 3.1291;
        return new ReadabilityScore(s, grade, ease, smog);
    }
}
