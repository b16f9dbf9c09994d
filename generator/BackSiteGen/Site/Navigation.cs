using BackSiteGen.Content;

namespace BackSiteGen.Site;

/// <summary>An entry of the site's navigation: a page, or a section with the pages in it.</summary>
public sealed record NavItem(string Title, string Url, string Source, IReadOnlyList<NavItem> Children);

/// <summary>A link to another page, as breadcrumbs and previous/next show it.</summary>
public sealed record PageLink(string Title, string Url, string Source);

/// <summary>Where a page sits among the others: computed once for the whole site, never per page over every page.</summary>
public sealed record PagePlace(IReadOnlyList<PageLink> Breadcrumbs, PageLink? Previous, PageLink? Next, IReadOnlyList<PageLink> Children);

/// <summary>The navigation tree and every page's place in it.</summary>
public sealed class Navigation
{
    private readonly Dictionary<string, PagePlace> _places;

    private Navigation(IReadOnlyList<NavItem> items, Dictionary<string, PagePlace> places)
    {
        Items = items;
        _places = places;
    }

    /// <summary>The top level: pages at the top and one entry per section (a folder with an index.md).</summary>
    public IReadOnlyList<NavItem> Items { get; }

    public PagePlace PlaceOf(Page page) => _places[page.Source.RelativePath];

    public static Navigation Build(IReadOnlyList<Page> pages, SiteIndex site)
    {
        // Siblings: the pages that share a parent folder, in the writer's order, then by title.
        var byParent = pages
            .GroupBy(p => p.ParentFolder, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.FrontMatter.Order ?? int.MaxValue).ThenBy(p => p.FrontMatter.Title, StringComparer.Ordinal).ThenBy(p => p.Source.RelativePath, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var items = new List<NavItem>();
        foreach (var page in byParent.GetValueOrDefault(string.Empty) ?? [])
        {
            if (page.Source.RelativePath == "index.md")
            {
                continue;
            }

            var children = page.IsSectionIndex
                ? (byParent.GetValueOrDefault(page.Folder) ?? []).Select(c => new NavItem(c.FrontMatter.Title, site.WithBasePath(c.Url), c.Source.RelativePath, [])).ToList()
                : [];
            items.Add(new NavItem(page.FrontMatter.Title, site.WithBasePath(page.Url), page.Source.RelativePath, children));
        }

        var places = new Dictionary<string, PagePlace>(pages.Count, StringComparer.Ordinal);
        foreach (var (_, siblings) in byParent)
        {
            for (var i = 0; i < siblings.Count; i++)
            {
                var page = siblings[i];
                var children = page.IsSectionIndex && page.Folder.Length > 0
                    ? (byParent.GetValueOrDefault(page.Folder) ?? []).Select(c => Link(c, site)).ToList()
                    : (IReadOnlyList<PageLink>)[];
                places[page.Source.RelativePath] = new PagePlace(
                    Breadcrumbs(page, site),
                    i > 0 ? Link(siblings[i - 1], site) : null,
                    i + 1 < siblings.Count ? Link(siblings[i + 1], site) : null,
                    children);
            }
        }

        return new Navigation(items, places);
    }

    private static PageLink Link(Page page, SiteIndex site) => new(page.FrontMatter.Title, site.WithBasePath(page.Url), page.Source.RelativePath);

    /// <summary>Home, then each folder above the page that has an index page, then the page itself.</summary>
    private static List<PageLink> Breadcrumbs(Page page, SiteIndex site)
    {
        var trail = new List<PageLink>();
        if (site.PageAt("index.md") is { } home)
        {
            trail.Add(Link(home, site));
        }

        var folder = string.Empty;
        foreach (var segment in page.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            folder = folder.Length == 0 ? segment : folder + "/" + segment;
            if (site.PageAt(folder + "/index.md") is { } index && index != page)
            {
                trail.Add(Link(index, site));
            }
        }

        if (page.Source.RelativePath != "index.md")
        {
            trail.Add(Link(page, site));
        }

        return trail;
    }
}
