using System.Collections.Concurrent;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;
using BackSiteGen.Templates;

namespace BackSiteGen.Checks;

/// <summary>The link check of a build: collects each page's facts inside the parallel render loop (while its HTML
/// is still in memory), then checks every link once all pages are known.</summary>
public sealed class BuildLinkCheck
{
    private readonly SiteContext _site;
    private readonly ConcurrentDictionary<string, HtmlFacts> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PageOrigin> _origins = new(StringComparer.Ordinal);

    public BuildLinkCheck(SiteContext site) => _site = site;

    /// <summary>Called once per page from any thread; keeps the facts and the page's origin, never the HTML.</summary>
    /// <returns>The page's facts as extracted, citation links included, for the citation check.</returns>
    public HtmlFacts Add(RenderedPage rendered)
    {
        var (all, kept) = Extract(_site, rendered);
        Include(kept);
        return all;
    }

    /// <summary>Reads a rendered page's ids and links while its HTML is in memory, so the check never parses it again.</summary>
    /// <returns>Everything extracted, citation links included, for the citation check; and what the link check keeps.</returns>
    public static (HtmlFacts All, PageLinkFacts Kept) Extract(SiteContext site, RenderedPage rendered)
    {
        var path = UrlResolver.Decode(rendered.Page.OutputPath);
        var html = rendered.Html;
        var content = rendered.Content.Html;
        // An empty body has an empty region (every link is the layout's); -1 means the layout changed the body.
        var start = content.Length == 0 ? 0 : html.IndexOf(content, StringComparison.Ordinal);
        var layout = site.Theme.DisplayPathOf(Theme.LayoutPath(rendered.Layout));
        var facts = HtmlFactsExtractor.Extract(html, path);
        return (facts, new PageLinkFacts(path, WithoutCitationLinks(facts, rendered), new PageOrigin(rendered.Page, layout, rendered.Content.Links, start, start < 0 ? -1 : start + content.Length, html.Length)));
    }

    /// <summary>Adds a page's facts, extracted now or kept from an earlier rebuild of <c>serve</c>.</summary>
    public void Include(PageLinkFacts facts)
    {
        _pages[facts.OutputPath] = facts.ForLinks;
        _origins[facts.OutputPath] = facts.Origin;
    }

    /// <summary>Where in the theme a page's <paramref name="url"/> (its <paramref name="occurrence"/>-th use on the page,
    /// at <paramref name="offset"/>) was written: the page is rendered again with tracing, only for findings the layout
    /// made. A page that comes out different (the references page, whose site model the build made for it alone) is
    /// matched by the URL's n-th use instead of the offset.</summary>
    private SourceSpan? TemplatePlace(PageOrigin origin, string url, int occurrence, int offset)
    {
        if (_site.Bodies.Read(origin.Page, new DiagnosticBag()) is not { } text || PageRenderer.Trace(text, _site) is not { } trace)
        {
            return null;
        }

        if (trace.Html.Length != origin.HtmlLength)
        {
            offset = -1;
            var seen = 0;
            foreach (var link in HtmlFactsExtractor.Extract(trace.Html, origin.Page.OutputPath).Links)
            {
                if (string.Equals(link.Url, url, StringComparison.Ordinal) && seen++ == occurrence)
                {
                    offset = link.Offset;
                    break;
                }
            }

            if (offset < 0)
            {
                return null;
            }
        }

        return trace.Locate(offset) is { } place ? TemplateTrace.SpanOf(place, _site.Theme) : null;
    }

    /// <summary>Citation links (<c>#ref-key</c>) are checked by <see cref="CitationCheck"/>, which reports a broken one at
    /// the citation's own line; leaving them out here keeps one finding per problem.</summary>
    private static HtmlFacts WithoutCitationLinks(HtmlFacts facts, RenderedPage rendered)
    {
        if (rendered.Content.Citations.Count == 0)
        {
            return facts;
        }

        var citationHrefs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var use in rendered.Content.Citations)
        {
            citationHrefs.Add(Citations.CitationIds.Href(Citations.CitationIds.Entry(use.Key)));
        }

        var links = new List<HtmlLink>(facts.Links.Count);
        foreach (var link in facts.Links)
        {
            if (!citationHrefs.Contains(link.Url))
            {
                links.Add(link);
            }
        }

        return facts with { Links = links };
    }

    /// <summary>Checks every collected page and the site's stylesheets; with <paramref name="external"/>, links to
    /// other sites too (the only part that uses the network).</summary>
    /// <param name="onlyPages">The output paths (as <see cref="Include"/> keys them) of the pages whose links to check;
    /// null: every page's. Every collected page is a target either way: its ids answer the checked pages' anchors.</param>
    /// <returns>How many pages' links were checked.</returns>
    public int Check(DiagnosticBag diagnostics, bool external = false, ExternalCheckOptions? externalOptions = null, IReadOnlySet<string>? onlyPages = null)
    {
        var options = _site.Options;
        var siteYml = options.DisplayPath(Path.Combine(options.FullPath(options.ContentDir), SiteConfigLoader.FileName));
        var settings = LinkCheckSettings.From(_site.Config, siteYml, diagnostics);
        var files = new HashSet<string>(_pages.Keys, StringComparer.Ordinal);
        // A page whose template failed has its own error; links to it must not be reported as broken as well.
        foreach (var page in _site.Index.Pages)
        {
            files.Add(UrlResolver.Decode(page.OutputPath));
        }

        var stylesheets = new List<(string OutputPath, string FullPath, string Display)>();
        foreach (var file in _site.Inventory.StaticFiles)
        {
            var relative = UrlResolver.Decode(file.RelativePath);
            files.Add(relative);
            if (relative.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            {
                stylesheets.Add((relative, file.FullPath, file.DisplayPath));
            }
        }

        var assets = Path.Combine(_site.Theme.Root, Theme.AssetsFolder);
        if (Directory.Exists(assets))
        {
            foreach (var full in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                var relative = UrlResolver.Decode(Path.GetRelativePath(_site.Theme.Root, full).Replace('\\', '/'));
                files.Add(relative);
                if (relative.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
                {
                    stylesheets.Add((relative, full, _site.Theme.DisplayPathOf(relative)));
                }
            }
        }

        foreach (var generated in SiteBuilder.GeneratedFiles)
        {
            files.Add(generated);
        }

        var sources = onlyPages is null ? new List<HtmlFacts>(_pages.Values) : _pages.Where(p => onlyPages.Contains(p.Key)).Select(p => p.Value).ToList();
        var checkedPages = sources.Count;
        var assetDisplay = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (outputPath, fullPath, display) in stylesheets)
        {
            sources.Add(CssUrlExtractor.Extract(File.ReadAllText(fullPath), outputPath));
            assetDisplay[outputPath] = display;
        }

        var origin = _site.Config.BaseUrl;
        var locator = new MarkdownLocator(_origins, assetDisplay, options.DisplayPath(options.FullPath(options.OutputDir)), _site.Bodies, TemplatePlace);
        var checker = new SiteLinkChecker(_site.Config.BasePath, new Uri(origin.GetLeftPart(UriPartial.Authority)), _pages, files, settings, locator);
        checker.Check(sources, diagnostics);
        if (external)
        {
            ExternalLinkChecker.CheckAndReport(checker, settings, externalOptions ?? ExternalCheckOptions.Default, diagnostics);
        }

        return checkedPages;
    }
}
