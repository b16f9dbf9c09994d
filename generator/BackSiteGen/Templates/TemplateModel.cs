using System.Globalization;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Markdown;
using BackSiteGen.Site;
using Scriban.Runtime;

namespace BackSiteGen.Templates;

/// <summary>Builds the data templates see. Everything is plain Scriban objects, never .NET objects,
/// so a template can read the model but cannot reach any .NET API through it.</summary>
public static class TemplateModel
{
    public static ScriptObject Site(SiteConfig config, Navigation navigation) => Site(config, navigation.Items);

    /// <summary>One edition's <c>site</c>: its title, description, team and language, and its own menu.</summary>
    public static ScriptObject Site(SiteConfig config, IReadOnlyList<NavItem> nav) => Site(config, nav, new MenuSettings());

    /// <summary>One edition's <c>site</c>, with <c>nav</c> (every top-level entry), <c>menu</c> (the first ones, up to the
    /// menu limit: the same objects, one array per build, so <c>render_list</c> renders it once) and <c>menu_left_out</c>
    /// (how many <c>menu</c> leaves out).</summary>
    public static ScriptObject Site(SiteConfig config, IReadOnlyList<NavItem> nav, MenuSettings menu)
    {
        var all = Array(nav.Select(NavItem));
        var shown = nav.Count <= menu.Limit ? all : Array(all.Take(menu.Limit));
        var site = new ScriptObject
        {
            ["title"] = config.Title,
            ["description"] = config.Description,
            ["base_url"] = config.BaseUrl.AbsoluteUri,
            ["base_path"] = config.BasePath,
            ["language"] = config.Language,
            ["editorial_team"] = config.EditorialTeam,
            ["feedback_email"] = config.FeedbackEmail,
            ["publisher"] = new ScriptObject { ["name"] = config.Publisher?.Name, ["url"] = config.Publisher?.Url },
            ["nav"] = all,
            ["menu"] = shown,
            ["menu_left_out"] = all.Count - shown.Count,
            ["menu_left_out_by_url"] = LeftOutByUrl(all, shown.Count),
        };
        return site;
    }

    /// <summary>Each entry <c>site.menu</c> leaves out, by its URL, as a list of that one entry: a page the menu leaves
    /// out shows its own entry, marked current, before the link to the list of them all
    /// (<c>render_list site.menu_left_out_by_url[page.url] …</c>). One list per entry and build, so <c>render_list</c>
    /// renders each once, and a page pays one look-up, not a walk over every entry.</summary>
    private static ScriptObject LeftOutByUrl(ScriptArray all, int shown)
    {
        var byUrl = new ScriptObject();
        foreach (var item in all.Skip(shown))
        {
            if (item is ScriptObject entry && entry["url"] is string url && !byUrl.ContainsKey(url))
            {
                byUrl[url] = Array([entry]);
            }
        }

        return byUrl;
    }

    public static ScriptObject Page(Page page, RenderedContent content, PagePlace place, SiteConfig config, string layout)
    {
        var fm = page.FrontMatter;
        var url = config.BasePath + page.Url.TrimStart('/');
        return new ScriptObject
        {
            ["title"] = fm.Title,
            ["description"] = fm.Description,
            ["layout"] = layout,
            ["url"] = url,
            ["permalink"] = new Uri(config.BaseUrl, page.Url.TrimStart('/')).AbsoluteUri,
            ["source"] = page.Source.RelativePath,
            ["section"] = page.Section,
            ["is_home"] = page.Source.RelativePath == "index.md" || (page.Language.Length > 0 && page.Source.RelativePath == page.Language + "/index.md"),
            ["content"] = content.Html,
            ["toc"] = Array(content.Toc.Select(t => new ScriptObject { ["level"] = t.Level, ["id"] = t.Id, ["title"] = t.Title })),
            ["breadcrumbs"] = Array(place.Breadcrumbs.Select(Link)),
            ["previous"] = place.Previous is null ? null : Link(place.Previous),
            ["next"] = place.Next is null ? null : Link(place.Next),
            ["children"] = Array(place.Children.Select(Link)),
            ["date"] = Date(fm.Date),
            ["updated"] = Date(fm.Updated),
            ["author"] = fm.Author,
            ["last_reviewed"] = Date(fm.LastReviewed),
            ["next_review"] = Date(fm.NextReview),
            ["params"] = ToScript(fm.Values),
            ["references"] = CitationModel.PageReferences(content.References),
        };
    }

    /// <summary>The page model of 404.html, which GitHub Pages serves at any missing URL, so all its links are root-relative.</summary>
    public static ScriptObject NotFoundPage(SiteConfig config) => NotFoundPage(config, string.Empty, null);

    /// <summary>The 404 page of one edition (<c>es/404.html</c>), in its language.</summary>
    public static ScriptObject NotFoundPage(SiteConfig config, string root, ThemeStrings? strings) => new()
    {
        ["title"] = strings?.Get("not_found.title") ?? "Page not found",
        ["description"] = strings?.Get("not_found.description") ?? "The page you asked for is not on this site.",
        ["layout"] = "404",
        ["language"] = config.Language,
        ["alternates"] = new ScriptArray(),
        ["switch"] = new ScriptArray(),
        ["url"] = config.BasePath + root + "404.html",
        ["permalink"] = new Uri(config.BaseUrl, root + "404.html").AbsoluteUri,
        ["source"] = null,
        ["section"] = string.Empty,
        ["is_home"] = false,
        ["content"] = string.Empty,
        ["toc"] = new ScriptArray(),
        ["breadcrumbs"] = new ScriptArray(),
        ["children"] = new ScriptArray(),
        ["reviewed_by"] = config.EditorialTeam,
        ["params"] = new ScriptObject(),
    };

    /// <summary><c>site.languages</c>: the editions a reader can switch to (those with a home page), each named in itself.</summary>
    public static ScriptArray Languages(Editions editions, IReadOnlyDictionary<string, ThemeStrings> strings, SiteIndex index)
    {
        var array = new ScriptArray();
        foreach (var edition in editions.All)
        {
            if (index.PageAt(edition.HomeSource) is not { } home || !strings.TryGetValue(edition.Code, out var text))
            {
                continue;
            }

            array.Add(new ScriptObject
            {
                ["code"] = edition.Code,
                ["name"] = NameOf(edition, text),
                ["home_url"] = index.WithBasePath(home.Url),
            });
        }

        return array;
    }

    internal static string NameOf(Edition edition, ThemeStrings strings) =>
        edition.Name ?? (strings.Has("language_name") ? strings.Get("language_name") : edition.Code);

    /// <summary>Functions every template may call.</summary>
    public static ScriptObject Functions(SiteConfig config)
    {
        var functions = new ScriptObject();
        functions.SetValue("relative_url", DelegateCustomFunction.CreateFunc<string?, string>(path => RelativeUrl(config, path)), readOnly: true);
        functions.SetValue("absolute_url", DelegateCustomFunction.CreateFunc<string?, string>(path => new Uri(config.BaseUrl, RelativeUrl(config, path)).AbsoluteUri), readOnly: true);
        functions.SetValue("format_date", DelegateCustomFunction.CreateFunc<object?, string>(FormatDate), readOnly: true);
        return functions;
    }

    /// <summary>A site-relative path with the base path in front; URLs that are already absolute pass through.</summary>
    public static string RelativeUrl(SiteConfig config, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return config.BasePath;
        }

        if (Markdown.Links.LinkRewriter.IsExternal(path) || path.StartsWith(config.BasePath, StringComparison.Ordinal) && path.StartsWith('/'))
        {
            return path;
        }

        return config.BasePath + path.TrimStart('/');
    }

    /// <summary>"10 January 2026", the form the NHS uses on review dates: no ambiguity between US and UK readers.</summary>
    public static string FormatDate(object? value) => value switch
    {
        DateTime d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static DateTime? Date(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private static ScriptObject NavItem(NavItem item) => new()
    {
        ["title"] = item.Title,
        ["url"] = item.Url,
        ["source"] = item.Source,
        ["children"] = Array(item.Children.Select(NavItem)),
    };

    private static ScriptObject Link(PageLink link) => new() { ["title"] = link.Title, ["url"] = link.Url, ["source"] = link.Source };

    private static ScriptArray Array<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    /// <summary>Front matter values as Scriban objects: mappings become objects, lists become arrays.</summary>
    public static object? ToScript(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => FromMap(map),
        List<object?> list => Array(list.Select(ToScript)),
        _ => value,
    };

    private static ScriptObject FromMap(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var obj = new ScriptObject();
        foreach (var (key, value) in map)
        {
            obj[key] = ToScript(value);
        }

        return obj;
    }
}
