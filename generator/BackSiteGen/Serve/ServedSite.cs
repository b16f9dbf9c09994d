using BackSiteGen.Diagnostics;

namespace BackSiteGen.Serve;

/// <summary>One immutable state of the site as <c>serve</c> shows it: every file by its path below the site's root,
/// and what the last rebuild found. A rebuild publishes a new instance; requests read whichever is current.</summary>
/// <param name="Files">Output path (<c>a/b/index.html</c>) → bytes, exactly what <c>build</c> would write.</param>
/// <param name="Problems">Errors and warnings still unfixed, sorted; shown on the pages they concern and at
/// <see cref="ServeAssets.ProblemsPath"/>.</param>
/// <param name="BasePath">"/" or "/repo/": the path every URL of the site starts with.</param>
/// <param name="Version">Increases with every rebuild, so a browser can tell that it shows an older page.</param>
public sealed record ServedSite(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<Diagnostic> Problems, string BasePath, long Version)
{
    public static ServedSite Empty { get; } = new(new Dictionary<string, byte[]>(StringComparer.Ordinal), [], "/", 0);

    /// <summary>Output path of each page → the source file diagnostics name (<c>content/a.md</c>).</summary>
    public IReadOnlyDictionary<string, string> PageSources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Output paths of pages shown as they were before the last change, because their new version failed.</summary>
    public IReadOnlySet<string> Stale { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether a build of the site as it is now would fail (and so leave the published site as it was).</summary>
    public bool BuildWouldFail { get; init; }

    /// <summary>The problems found in files that are no page's source (site.yml, a template, the bibliography): every
    /// page depends on them.</summary>
    public IReadOnlyList<Diagnostic> SiteWideProblems
    {
        get
        {
            var sources = PageSources.Values.ToHashSet(StringComparer.Ordinal);
            return Problems.Where(p => !sources.Contains(p.Span.File)).ToList();
        }
    }

    /// <summary>The problems found in one page's source.</summary>
    public IReadOnlyList<Diagnostic> ProblemsOf(string outputPath) =>
        PageSources.TryGetValue(outputPath, out var source) ? Problems.Where(p => p.Span.File == source).ToList() : [];
}
