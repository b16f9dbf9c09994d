namespace BackSiteGen.Trust.Readability;

/// <summary>The counts every readability formula is built from.</summary>
/// <param name="Polysyllables">Words of three or more syllables (SMOG's "polysyllabic words").</param>
public readonly record struct TextStatistics(int Words, int Sentences, int Syllables, int Polysyllables);
