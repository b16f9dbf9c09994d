namespace BackSiteGen.Corpus;

/// <summary>
/// SplitMix64. Written out here rather than using <see cref="Random"/> because the corpus must be
/// byte-identical across .NET versions, and Random's algorithm for a given seed is not a contract.
/// </summary>
internal sealed class Rng
{
    private ulong _state;

    /// <summary>
    /// One independent stream per (seed, page, purpose), so a page's outline can be recomputed
    /// when another page links to it without replaying the whole site, and pages can be written
    /// in parallel without changing a byte.
    /// </summary>
    public Rng(int seed, int page, int purpose)
    {
        _state = Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)page << 20 ^ (ulong)(uint)purpose);
    }

    public int Next(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);

    public int Between(int inclusiveMin, int inclusiveMax) => inclusiveMin + Next(inclusiveMax - inclusiveMin + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>Picks <paramref name="count"/> distinct items (partial Fisher–Yates on a copy).</summary>
    public T[] PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    private ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
