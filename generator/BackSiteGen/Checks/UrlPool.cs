using System.Collections.Concurrent;

namespace BackSiteGen.Checks;

/// <summary>One string for each distinct link target of the built pages: every page of the default theme carries the
/// site menu twice, so without it a site of N sections kept 2N copies of the same addresses per page until the link
/// check, which made the memory of a 50,000-page build grow with the square of its size.</summary>
/// <remarks>Shared by every build of a process (<c>serve</c> rebuilds) and capped, so a long session cannot grow it
/// without bound: past the cap, new addresses are simply not pooled.</remarks>
internal static class UrlPool
{
    private const int Capacity = 1 << 18;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Pool.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int s_count;

    public static string Of(ReadOnlySpan<char> value)
    {
        if (Lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var text = value.ToString();
        if (Volatile.Read(ref s_count) >= Capacity)
        {
            return text;
        }

        var kept = Pool.GetOrAdd(text, text);
        if (ReferenceEquals(kept, text))
        {
            Interlocked.Increment(ref s_count);
        }

        return kept;
    }
}
