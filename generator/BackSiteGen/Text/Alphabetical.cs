namespace BackSiteGen.Text;

/// <summary>A to Z order for lists a reader scans (the glossary, "Find a topic") in English and Spanish: accents do not
/// move a word ("Ácido" files under A, beside "Acupuntura"), ñ comes after n, and case is ignored. Written out rather
/// than taken from a culture, because the build runs with invariant globalization and must give the same order everywhere.</summary>
public sealed class Alphabetical : IComparer<string>
{
    public static Alphabetical Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var folded = string.Compare(Fold(x ?? string.Empty), Fold(y ?? string.Empty), StringComparison.OrdinalIgnoreCase);
        return folded != 0 ? folded : string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The letter a word is filed under: its first letter without its accent, upper case ("Á" → "A", "ñ" → "Ñ").</summary>
    public static char LetterOf(string word)
    {
        if (word.Length == 0)
        {
            return '\0';
        }

        var first = char.ToLowerInvariant(word[0]);
        return first == 'ñ' ? 'Ñ' : char.ToUpperInvariant(Base(first));
    }

    /// <summary>The text with accented Latin letters as their base letter, and ñ as "n~" so it sorts after every n-word.</summary>
    public static string Fold(string text)
    {
        var needed = false;
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                needed = true;
                break;
            }
        }

        if (!needed)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower == 'ñ')
            {
                sb.Append(c == 'Ñ' ? "N~" : "n~");
            }
            else
            {
                var b = Base(lower);
                sb.Append(b == lower ? c : char.IsUpper(c) ? char.ToUpperInvariant(b) : b);
            }
        }

        return sb.ToString();
    }

    private static char Base(char lower) => lower switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ç' => 'c',
        _ => lower,
    };
}
