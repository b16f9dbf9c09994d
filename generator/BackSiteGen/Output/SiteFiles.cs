using System.Text;

namespace BackSiteGen.Output;

/// <summary>The files every published site needs besides its pages.</summary>
public static class SiteFiles
{
    /// <summary>A sitemap of absolute URLs, sorted, with no timestamps so that builds are reproducible.</summary>
    /// <summary>A page's address and its versions in other languages (hreflang code, absolute URL).</summary>
    public sealed record SitemapEntry(string Url, IReadOnlyList<(string Language, string Url)> Alternates);

    /// <summary>The sitemap with <c>xhtml:link rel="alternate"</c> for pages that exist in several languages, as Google's
    /// sitemap extension for localized pages asks: each version lists every version, itself included.</summary>
    public static string Sitemap(IEnumerable<SitemapEntry> entries)
    {
        var list = entries.OrderBy(e => e.Url, StringComparer.Ordinal).ToList();
        if (list.TrueForAll(e => e.Alternates.Count == 0))
        {
            return Sitemap(list.Select(e => e.Url));
        }

        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        foreach (var entry in list)
        {
            sb.Append("  <url><loc>").Append(EscapeXml(entry.Url)).Append("</loc>");
            foreach (var (language, url) in entry.Alternates)
            {
                sb.Append("<xhtml:link rel=\"alternate\" hreflang=\"").Append(EscapeXml(language)).Append("\" href=\"").Append(EscapeXml(url)).Append("\"/>");
            }

            sb.Append("</url>\n");
        }

        sb.Append("</urlset>\n");
        return sb.ToString();
    }

    public static string Sitemap(IEnumerable<string> absoluteUrls)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in absoluteUrls.Order(StringComparer.Ordinal))
        {
            sb.Append("  <url><loc>").Append(EscapeXml(url)).Append("</loc></url>\n");
        }

        sb.Append("</urlset>\n");
        return sb.ToString();
    }

    public static string Robots(string sitemapUrl) => $"User-agent: *\nAllow: /\n\nSitemap: {sitemapUrl}\n";

    private static string EscapeXml(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
