using System.Text;

namespace BackSiteGen.Output;

/// <summary>The files every published site needs besides its pages.</summary>
public static class SiteFiles
{
    /// <summary>A sitemap of absolute URLs, sorted, with no timestamps so that builds are reproducible.</summary>
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
