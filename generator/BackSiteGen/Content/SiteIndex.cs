namespace BackSiteGen.Content;

/// <summary>Where every source lands in the site; built once, then shared read-only by all renderers.</summary>
public sealed class SiteIndex(IReadOnlyList<Page> pages, IReadOnlyDictionary<string, string> fileUrls, string basePath)
{
    private readonly Dictionary<string, Page> _pagesBySource = pages.ToDictionary(p => p.Source.RelativePath, StringComparer.Ordinal);

    public IReadOnlyList<Page> Pages { get; } = pages;

    /// <summary>"/" or "/repo/": the path every internal URL starts with.</summary>
    public string BasePath { get; } = basePath;

    public Page? PageAt(string relativePath) => _pagesBySource.GetValueOrDefault(relativePath);

    /// <summary>Site-relative URL of a copied file, by its path below the content folder.</summary>
    public string? FileUrlAt(string relativePath) => fileUrls.GetValueOrDefault(relativePath);

    public IEnumerable<string> PageSources => _pagesBySource.Keys;

    /// <summary>The same site with one page's text replaced, for <c>serve</c>: the caller has made sure the page keeps
    /// its source path and URL, so nothing else in the index moves.</summary>
    public SiteIndex WithPage(Page page) =>
        new(Pages.Select(p => p.Source.RelativePath == page.Source.RelativePath ? page : p).ToList(), fileUrls, BasePath);

    /// <summary>A site-relative URL ("/a/b/") with the base path in front ("/repo/a/b/").</summary>
    public string WithBasePath(string siteRelativeUrl) => BasePath + siteRelativeUrl.TrimStart('/');
}
