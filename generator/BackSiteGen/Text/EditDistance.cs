namespace BackSiteGen.Text;

/// <summary>Levenshtein distance and "did you mean" suggestions for misspelt keys, links and citations.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The closest candidate within a distance that scales with the word, or null when nothing is close.</summary>
    public static string? Suggest(string wrong, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, wrong.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Between(wrong, candidate);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string, ready to append to a message.</summary>
    public static string DidYouMean(string wrong, IEnumerable<string> candidates)
    {
        var s = Suggest(wrong, candidates);
        return s is null ? string.Empty : $" Did you mean '{s}'?";
    }
}
