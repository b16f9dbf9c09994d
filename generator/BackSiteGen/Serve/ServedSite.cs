using BackSiteGen.Diagnostics;

namespace BackSiteGen.Serve;

/// <summary>One immutable state of the site as <c>serve</c> shows it: every file by its path below the site's root,
/// and the errors of the last rebuilds. A rebuild publishes a new instance; requests read whichever is current.</summary>
/// <param name="Files">Output path (<c>a/b/index.html</c>) → bytes, exactly what <c>build</c> would write.</param>
/// <param name="Problems">Errors still unfixed; shown as an overlay on every page while there are any.</param>
/// <param name="BasePath">"/" or "/repo/": the path every URL of the site starts with.</param>
/// <param name="Version">Increases with every rebuild, so a browser can tell that it shows an older page.</param>
public sealed record ServedSite(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<Diagnostic> Problems, string BasePath, long Version)
{
    public static ServedSite Empty { get; } = new(new Dictionary<string, byte[]>(StringComparer.Ordinal), [], "/", 0);
}
