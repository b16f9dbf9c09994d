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

    private readonly Dictionary<string, IReadOnlyList<NavItem>> _items;

    private Navigation(Dictionary<string, IReadOnlyList<NavItem>> items, string defaultLanguage, Dictionary<string, PagePlace> places)
    {
        _items = items;
        Items = items[defaultLanguage];
        _places = places;
    }

    /// <summary>The default language's top level: pages at the top and one entry per section (a folder with an index.md).</summary>
    public IReadOnlyList<NavItem> Items { get; }

    /// <summary>The top level of one language's edition.</summary>
    public IReadOnlyList<NavItem> ItemsOf(string language) => _items.GetValueOrDefault(language) ?? [];

    public PagePlace PlaceOf(Page page) => _places[page.Source.RelativePath];

    public static Navigation Build(IReadOnlyList<Page> pages, SiteIndex site) => Build(pages, site, null);

    /// <summary>One navigation per edition: a Spanish page's menu, breadcrumbs and previous/next stay in Spanish.</summary>
    public static Navigation Build(IReadOnlyList<Page> pages, SiteIndex site, Editions? editions)
    {
        var items = new Dictionary<string, IReadOnlyList<NavItem>>(StringComparer.Ordinal);
        var places = new Dictionary<string, PagePlace>(pages.Count, StringComparer.Ordinal);
        var all = editions?.All ?? [];
        var defaultCode = editions?.Default.Code ?? string.Empty;
        if (all.Count == 0)
        {
            items[defaultCode] = BuildEdition(pages, site, string.Empty, places);
        }

        foreach (var edition in all)
        {
            items[edition.Code] = BuildEdition(pages.Where(p => editions!.Of(p) == edition).ToList(), site, edition.Folder, places);
        }

        return new Navigation(items, defaultCode, places);
    }

    private static List<NavItem> BuildEdition(IReadOnlyList<Page> pages, SiteIndex site, string root, Dictionary<string, PagePlace> places)
    {
        var home = root.Length == 0 ? "index.md" : root + "/index.md";

        // Siblings: the pages that share a parent folder, in the writer's order, then by title.
        var byParent = pages
            .GroupBy(p => p.ParentFolder, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.FrontMatter.Order ?? int.MaxValue).ThenBy(p => p.FrontMatter.Title, StringComparer.Ordinal).ThenBy(p => p.Source.RelativePath, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var items = new List<NavItem>();
        foreach (var page in byParent.GetValueOrDefault(root) ?? [])
        {
            if (page.Source.RelativePath == home)
            {
                continue;
            }

            var children = page.IsSectionIndex
                ? (byParent.GetValueOrDefault(page.Folder) ?? []).Select(c => new NavItem(c.FrontMatter.Title, site.WithBasePath(c.Url), c.Source.RelativePath, [])).ToList()
                : [];
            items.Add(new NavItem(page.FrontMatter.Title, site.WithBasePath(page.Url), page.Source.RelativePath, children));
        }

        foreach (var (_, siblings) in byParent)
        {
            for (var i = 0; i < siblings.Count; i++)
            {
                var page = siblings[i];
                var children = page.IsSectionIndex && page.Folder.Length > 0 && page.Folder != root
                    ? (byParent.GetValueOrDefault(page.Folder) ?? []).Select(c => Link(c, site)).ToList()
                    : (IReadOnlyList<PageLink>)[];
                places[page.Source.RelativePath] = new PagePlace(
                    Breadcrumbs(page, site, root, home),
                    i > 0 ? Link(siblings[i - 1], site) : null,
                    i + 1 < siblings.Count ? Link(siblings[i + 1], site) : null,
                    children);
            }
        }

        return items;
    }

    private static PageLink Link(Page page, SiteIndex site) => new(page.FrontMatter.Title, site.WithBasePath(page.Url), page.Source.RelativePath);

    /// <summary>Home, then each folder above the page that has an index page, then the page itself.</summary>
    private static List<PageLink> Breadcrumbs(Page page, SiteIndex site, string root, string homeSource)
    {
        var trail = new List<PageLink>();
        if (site.PageAt(homeSource) is { } home)
        {
            trail.Add(Link(home, site));
        }

        var folder = root;
        var below = root.Length == 0 ? page.Folder : page.Folder.Length > root.Length ? page.Folder[(root.Length + 1)..] : string.Empty;
        foreach (var segment in below.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            folder = folder.Length == 0 ? segment : folder + "/" + segment;
            if (site.PageAt(folder + "/index.md") is { } index && index != page)
            {
                trail.Add(Link(index, site));
            }
        }

        if (page.Source.RelativePath != homeSource)
        {
            trail.Add(Link(page, site));
        }

        return trail;
    }
}
