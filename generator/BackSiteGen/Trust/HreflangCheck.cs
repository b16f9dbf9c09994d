using System.Net;
using System.Text.RegularExpressions;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust;

/// <summary>Checks the hreflang links in the built pages, whatever template wrote them: every alternate must reach a
/// page of the site (BSG0920), in the language it names (x-default: the default language, BSG0921), and that page
/// must name this one back (BSG0922), as search engines ignore hreflang pairs that are not reciprocal.</summary>
internal static partial class HreflangCheck
{
    public static IReadOnlyList<(string Language, string Url)> AlternatesIn(string html)
    {
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase) is var end and > 0 ? html[..end] : html;
        if (!head.Contains("hreflang", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var list = new List<(string, string)>();
        foreach (Match link in LinkTag().Matches(head))
        {
            var tag = link.Value;
            if (Attribute(tag, "rel") is { } rel && rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)
                && Attribute(tag, "hreflang") is { } language && Attribute(tag, "href") is { } href)
            {
                list.Add((language, href));
            }
        }

        return list;
    }

    public static void Check(IReadOnlyCollection<PageFacts> pages, string defaultLanguage, DiagnosticBag diagnostics)
    {
        var byUrl = new Dictionary<string, PageFacts>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Permalink.Length > 0))
        {
            byUrl.TryAdd(page.Permalink, page);
        }

        foreach (var page in pages.OrderBy(p => p.Source, StringComparer.Ordinal))
        {
            var span = page.LanguageSpan.File is null ? new SourceSpan(page.Source, 1, 1) : page.LanguageSpan;
            foreach (var (language, url) in page.Alternates)
            {
                if (!byUrl.TryGetValue(url, out var target))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.HreflangTargetMissing, span, $"The page's hreflang=\"{language}\" link goes to {url}, which is no page of this site."));
                    continue;
                }

                var expected = language.Equals("x-default", StringComparison.OrdinalIgnoreCase) ? defaultLanguage : language;
                if (!target.Language.Equals(expected, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.HreflangWrongLanguage, span, $"The page's hreflang=\"{language}\" link goes to {target.Source}, which is in '{target.Language}', not '{expected}'."));
                    continue;
                }

                if (!ReferenceEquals(target, page) && !target.Alternates.Any(a => a.Url == page.Permalink))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.HreflangNoReturn, span, $"The page's hreflang=\"{language}\" link goes to {target.Source}, which has no hreflang link back to {page.Permalink}; hreflang links must be reciprocal."));
                }
            }
        }
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, @"\s" + name + @"\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LinkTag();
}
