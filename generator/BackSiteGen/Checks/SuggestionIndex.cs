using BackSiteGen.Text;

namespace BackSiteGen.Checks;

/// <summary>"Did you mean" for a broken path without comparing it with every path of the site.</summary>
/// <remarks>Comparing each broken link with every page (edit distance, all pairs) made 5,000 pages with one broken link
/// each take three times as long as the build, and 20,000 run past two minutes. Candidates are found through two
/// indexes instead: by last segment (a file moved to another folder) and by that segment with any one character deleted,
/// which meets every segment within two edits (a typo), plus the broken path's own folder when it is small. Only those
/// few are measured. Built once, on the first broken link; read by many threads.</remarks>
internal sealed class SuggestionIndex
{
    /// <summary>Segments longer than this are matched exactly only: nobody misspells a 64-character name by one letter.</summary>
    private const int MaxIndexedSegment = 64;

    /// <summary>A folder with more entries than this is not searched as a whole, and a name shared by more candidates
    /// (every "index.md") is not a clue: each broken link then costs a bounded time, however large the site.</summary>
    private const int MaxBucket = 256;

    private readonly List<(string Key, string Name, bool IsPage)> _candidates;
    private readonly Dictionary<string, List<int>> _bySegment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byFolder = new(StringComparer.Ordinal);

    public SuggestionIndex(List<(string Key, string Name, bool IsPage)> candidates)
    {
        _candidates = candidates;
        for (var i = 0; i < candidates.Count; i++)
        {
            var (folder, segment) = Split(candidates[i].Key);
            Add(_bySegment, segment, i);
            Add(_byFolder, folder, i);
            if (segment.Length <= MaxIndexedSegment)
            {
                foreach (var deleted in Deletions(segment))
                {
                    Add(_byDeletion, deleted, i);
                }
            }
        }
    }

    /// <summary>The name of the closest candidate within a distance scaled by the last segment, or null.</summary>
    public string? Suggest(string key, bool pagesOnly)
    {
        var (folder, segment) = Split(key);
        var limit = Math.Max(2, segment.Length / 3);
        var seen = new HashSet<int>();
        string? best = null;
        var (bestDistance, bestIndex) = (int.MaxValue, int.MaxValue);
        void Measure(List<int>? bucket)
        {
            if (bucket is null || bucket.Count > MaxBucket)
            {
                return;
            }

            foreach (var i in bucket)
            {
                var (candidate, name, isPage) = _candidates[i];
                if ((pagesOnly && !isPage) || !seen.Add(i))
                {
                    continue;
                }

                var d = EditDistance.Between(key, candidate);
                // Ties go to the candidate first in path order, as when every candidate was measured.
                if (d < bestDistance || (d == bestDistance && i < bestIndex))
                {
                    (best, bestDistance, bestIndex) = (name, d, i);
                }
            }
        }

        Measure(_bySegment.GetValueOrDefault(segment));
        if (segment.Length <= MaxIndexedSegment)
        {
            foreach (var deleted in Deletions(segment))
            {
                Measure(_byDeletion.GetValueOrDefault(deleted));
                Measure(_bySegment.GetValueOrDefault(deleted));
            }

            // A segment one letter short of a candidate is one of that candidate's deletions.
            Measure(_byDeletion.GetValueOrDefault(segment));
        }

        Measure(_byFolder.GetValueOrDefault(folder));

        return bestDistance <= limit ? best : null;
    }

    private static (string Folder, string Segment) Split(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? (string.Empty, key) : (key[..slash], key[(slash + 1)..]);
    }

    private static IEnumerable<string> Deletions(string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            yield return string.Concat(segment.AsSpan(0, i), segment.AsSpan(i + 1));
        }
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }
}
