using System.Net;
using System.Text;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Serve;

/// <summary>What <c>serve</c> adds to every HTML page it sends, and only there: the live-reload script and, while
/// the last rebuild left errors, the overlay that lists them. The stored pages stay exactly what <c>build</c> writes.</summary>
public static class ServeInjection
{
    public const string OverlayId = "backsitegen-overlay";

    public static byte[] Inject(byte[] html, ServedSite site)
    {
        var extra = new StringBuilder();
        if (site.Problems.Count > 0)
        {
            extra.Append(Overlay(site.Problems));
        }

        extra.Append("<script src=\"").Append(ServeAssets.ScriptPath).Append("\" data-version=\"").Append(site.Version).Append("\" defer></script>\n");
        var text = Encoding.UTF8.GetString(html);
        var end = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(end < 0 ? text + extra : text.Insert(end, extra.ToString()));
    }

    /// <summary>The errors as the writer must fix them: file, line, column, code and message, all HTML-escaped.</summary>
    public static string Overlay(IReadOnlyList<Diagnostic> problems)
    {
        var sb = new StringBuilder();
        sb.Append("<link rel=\"stylesheet\" href=\"").Append(ServeAssets.StylePath).Append("\">\n");
        sb.Append("<section id=\"").Append(OverlayId).Append("\" role=\"alert\" aria-labelledby=\"backsitegen-overlay-title\">\n");
        sb.Append("<button type=\"button\" data-backsitegen-close>Hide</button>\n");
        sb.Append("<h2 id=\"backsitegen-overlay-title\">The last rebuild failed: ").Append(problems.Count).Append(problems.Count == 1 ? " error" : " errors")
            .Append(". This page is the last good version.</h2>\n<ol>\n");
        foreach (var d in problems)
        {
            sb.Append("<li><span class=\"where\">").Append(WebUtility.HtmlEncode(d.Span.ToString())).Append("</span>: ")
                .Append(WebUtility.HtmlEncode($"{d.Code}: {d.Message}")).Append("</li>\n");
        }

        sb.Append("</ol>\n</section>\n");
        return sb.ToString();
    }
}
