using System.Net;
using System.Text;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Serve;

/// <summary>What <c>serve</c> adds to every HTML page it sends, and only there: the panel with the problems of that page
/// (first thing in the body, so it is on the first screen) and the live-reload script before <c>&lt;/body&gt;</c>. The
/// stored pages stay exactly what <c>build</c> writes.</summary>
/// <remarks>The panel's style is a same-origin stylesheet, which the default theme's Content-Security-Policy allows
/// (<c>style-src 'self'</c>); no inline style or script is added, so the page's policy applies unchanged.</remarks>
public static class ServeInjection
{
    public const string OverlayId = "backsitegen-overlay";

    /// <param name="outputPath">The page's output path (<c>a/index.html</c>), to find its own problems; null for the 404 page.</param>
    public static byte[] Inject(byte[] html, ServedSite site, string? outputPath = null)
    {
        var text = Encoding.UTF8.GetString(html);
        var script = new StringBuilder()
            .Append("<script src=\"").Append(ServeAssets.ScriptPath).Append("\" data-version=\"").Append(site.Version).Append("\" defer></script>\n")
            .ToString();
        var end = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        text = end < 0 ? text + script : text.Insert(end, script);
        if (Panel(site, outputPath) is { } panel)
        {
            var bodyOpen = BodyContentStart(text);
            text = bodyOpen < 0 ? panel + text : text.Insert(bodyOpen, panel);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The offset just after the <c>&lt;body…&gt;</c> start tag, or -1.</summary>
    private static int BodyContentStart(string html)
    {
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        while (body >= 0 && body + 5 < html.Length && html[body + 5] is not ('>' or ' ' or '\t' or '\n' or '\r' or '/'))
        {
            body = html.IndexOf("<body", body + 5, StringComparison.OrdinalIgnoreCase);
        }

        if (body < 0)
        {
            return -1;
        }

        var close = html.IndexOf('>', body);
        return close < 0 ? -1 : close + 1;
    }

    /// <summary>The page's own problems, a count of the site's others and whether the page shown is the newest; null when
    /// there is nothing to say.</summary>
    public static string? Panel(ServedSite site, string? outputPath)
    {
        // The page's own problems and those of files every page depends on are listed; other pages' are counted.
        IReadOnlyList<Diagnostic> own = [.. (outputPath is null ? [] : site.ProblemsOf(outputPath)), .. site.SiteWideProblems];
        var stale = outputPath is not null && site.Stale.Contains(outputPath);
        var elsewhere = site.Problems.Count - own.Count;
        if (own.Count == 0 && elsewhere == 0 && !stale)
        {
            return null;
        }

        var errors = own.Count(d => d.Severity == Severity.Error);
        var warnings = own.Count - errors;
        var sb = new StringBuilder();
        sb.Append("<link rel=\"stylesheet\" href=\"").Append(ServeAssets.StylePath).Append("\">\n");
        sb.Append("<section id=\"").Append(OverlayId).Append("\" role=\"alert\" aria-labelledby=\"backsitegen-overlay-title\">\n");
        var counts = new List<string>();
        if (errors > 0)
        {
            counts.Add(Count(errors, "error"));
        }

        if (warnings > 0)
        {
            counts.Add(Count(warnings, "warning"));
        }

        sb.Append("<h2 id=\"backsitegen-overlay-title\">").Append(counts.Count > 0 ? "This page has " + string.Join(" and ", counts) : "No problems on this page");
        sb.Append("</h2>\n<p class=\"state\">");
        sb.Append(stale
            ? "You are looking at the last good version of this page: your latest change could not be built, so it is not shown."
            : "This page shows your latest changes.");
        if (site.BuildWouldFail)
        {
            sb.Append(" <strong>A build would fail</strong> until the errors are fixed, and would leave the published site as it is.");
        }

        sb.Append("</p>\n");
        if (own.Count > 0)
        {
            sb.Append("<ol>\n");
            foreach (var d in own)
            {
                AppendProblem(sb, d);
            }

            sb.Append("</ol>\n");
        }

        if (elsewhere > 0)
        {
            sb.Append("<p><a href=\"").Append(ServeAssets.ProblemsPath).Append("\">").Append(own.Count > 0 ? "And " : string.Empty)
                .Append(Count(elsewhere, "problem")).Append(" elsewhere in the site</a></p>\n");
        }

        sb.Append("</section>\n");
        return sb.ToString();
    }

    /// <summary>The page at <see cref="ServeAssets.ProblemsPath"/>: every error and warning of the site, by file, with a
    /// link to each page they concern.</summary>
    public static byte[] ProblemsPage(ServedSite site)
    {
        var urlOf = site.PageSources.GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => site.BasePath + Folder(g.First().Key), StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>Problems (").Append(site.Problems.Count).Append(") | BackSiteGen preview</title>\n");
        sb.Append("<link rel=\"stylesheet\" href=\"").Append(ServeAssets.StylePath).Append("\">\n</head>\n<body>\n<main id=\"").Append(OverlayId).Append("\" class=\"problems\">\n");
        sb.Append("<h1>").Append(site.Problems.Count == 0 ? "No problems" : Count(site.Problems.Count, "problem")).Append(" in the site</h1>\n");
        sb.Append("<p class=\"state\">").Append(site.BuildWouldFail ? "<strong>A build would fail</strong> until the errors are fixed." : "A build would succeed.");
        sb.Append(" This list updates with every save.</p>\n");
        foreach (var file in site.Problems.GroupBy(p => p.Span.File, StringComparer.Ordinal))
        {
            sb.Append("<h2>").Append(WebUtility.HtmlEncode(file.Key));
            if (urlOf.TryGetValue(file.Key, out var url))
            {
                sb.Append(" <a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">open the page</a>");
            }

            sb.Append("</h2>\n<ol>\n");
            foreach (var d in file)
            {
                AppendProblem(sb, d);
            }

            sb.Append("</ol>\n");
        }

        sb.Append("</main>\n<script src=\"").Append(ServeAssets.ScriptPath).Append("\" data-version=\"").Append(site.Version).Append("\" defer></script>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void AppendProblem(StringBuilder sb, Diagnostic d) =>
        sb.Append("<li class=\"").Append(d.Severity == Severity.Error ? "error" : "warning").Append("\"><span class=\"where\">")
            .Append(WebUtility.HtmlEncode(d.Span.ToString())).Append("</span>: ")
            .Append(WebUtility.HtmlEncode($"{(d.Severity == Severity.Error ? "error" : "warning")} {d.Code}: {d.Message}")).Append("</li>\n");

    private static string Folder(string outputPath) =>
        outputPath.EndsWith("index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length] : outputPath;

    private static string Count(int n, string what) => n == 0 ? string.Empty : $"{n} {what}{(n == 1 ? string.Empty : "s")}";
}
