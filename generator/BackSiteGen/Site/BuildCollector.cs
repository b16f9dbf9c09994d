using System.Runtime;

namespace BackSiteGen.Site;

/// <summary>When the garbage collector runs during a build. Reading a site makes what lives to the end (the site model,
/// every page's front matter, the kept pages' outcomes: hundreds of thousands of small objects for 2,000 pages), and a
/// collection while they are young copies them all: on a one-page edit of 2,000 pages, 2 gen0 and 1 gen1 collections
/// paused the build 70-200 ms of its ~450. So a build in a process of its own (the command line's) that will reuse the
/// last build's pages holds the collector off for its first <see cref="QuietBudget"/> bytes, from the moment it knows
/// (the last record is for the same shared inputs, before the site is read); any other build that has a record holds it
/// off while reading it. A build that renders most pages lets the collector run again before rendering, with one full
/// collection (see <see cref="BeforeRendering"/>).</summary>
/// <remarks>Measured on 2,000 pages, native, default theme, alternating with the build before (4 runs): a one-page edit
/// was paused 11-12 ms instead of 87-107 ms, used 504-607 ms of CPU instead of 624-706 and peaked at 122-125 MB instead
/// of 99; a rebuild with every page changed peaked at 102-115 MB instead of 131-135; a fresh build was unchanged. Held off
/// from the very start of every build instead, a fresh build peaked at 179 MB: after the region the collector kept a
/// large budget for young objects; so a build that renders everything reads the site with the collector running.
/// <para>Off (0) unless the process's entry point sets it: tests run many builds at once in one process, and the
/// runtime's no-collection region belongs to the whole process.</para></remarks>
public static class BuildCollector
{
    /// <summary>What the command line holds the collector off for: 192 MiB. The peak memory of a one-page edit of 2,000
    /// pages goes from 97 to 115 MB; a build that allocates more (a one-page edit of 10,000 pages) is collected from
    /// there on as any other.</summary>
    public const long DefaultQuietBudget = 192L << 20;

    /// <summary>Bytes a build may allocate before the collector runs; 0: the collector runs as it would.</summary>
    public static long QuietBudget { get; set; }

    /// <summary>What a build that reuses pages from a record of <paramref name="recordBytes"/> bytes (its base64 parts)
    /// allocates, with room to spare: about 30 bytes for each byte of the record (a one-page edit, native, default theme:
    /// 66 MB for the 2.2 MB record of 2,000 pages, 299 MB for the 11 MB of 10,000), so 48.</summary>
    /// <remarks>With the fixed <see cref="DefaultQuietBudget"/> alone, a one-page edit of 10,000 pages spent it halfway and
    /// then paused 133-143 ms in three full collections of a heap holding every kept page; held off for what it
    /// allocates, it paused 17-28 ms and peaked at 304 MB instead of 272 MB (Hugo: about 1,950 MB).</remarks>
    internal static long ForReuse(long recordBytes) => recordBytes * 48;

    /// <summary>At the start of a build.</summary>
    /// <param name="expected">What the build is expected to allocate (see <see cref="ForReuse"/>): held off for that much
    /// when it is more than <see cref="QuietBudget"/>, up to a quarter of the memory this process may use.</param>
    internal static void HoldOff(long expected = 0)
    {
        if (QuietBudget <= 0 || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.TryStartNoGCRegion(Math.Max(QuietBudget, Math.Min(expected, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // The runtime refused (a region already open, a budget above what it allows): the collector runs as it would.
        }
    }

    /// <summary>Between reading the site and rendering it. When most pages are about to render: one full collection, while
    /// the heap holds little but what lives to the end, leaves rendering a collector with no early history. Without it,
    /// the collector let the first second of rendering promote ~80 MB that died soon after, and a fresh build of 2,000
    /// pages peaked at 178-179 MB; with it, at 138 MB. The whole build's collector pauses went from 131-160 ms to
    /// 170-181 ms; its CPU and wall time stayed within noise (3 runs alternating). When few pages render (a one-page edit),
    /// nothing: compacting the 2,000 kept outcomes cost it ~100 ms of CPU (perf), and the collector stays held off.</summary>
    internal static void BeforeRendering(bool rendersMostPages)
    {
        if (!rendersMostPages)
        {
            return;
        }

        Resume();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>At the end of a build: the collector runs as it would.</summary>
    internal static void Resume()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region had already ended (its budget spent): nothing to end.
        }
    }
}
