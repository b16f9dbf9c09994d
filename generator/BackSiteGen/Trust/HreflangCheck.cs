using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust;

/// <summary>Checks the hreflang links in the built pages, whatever template wrote them: every alternate must reach a
/// page of the site (BSG0920), in the language it names (x-default: the default language, BSG0921), and that page
/// must name this one back (BSG0922), as search engines ignore hreflang pairs that are not reciprocal.</summary>
internal static partial class HreflangCheck
{
    private static readonly SearchValues<string> HeadClose = SearchValues.Create(["</head>"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> Hreflang = SearchValues.Create(["hreflang"], StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<(string Language, string Url)> AlternatesIn(string html)
    {
        // Searched through SearchValues: the native build runs with invariant globalization, where string.IndexOf
        // ignoring case is a char-by-char loop, and it read each page's whole inlined stylesheet (5% of a build's CPU).
        var end = html.AsSpan().IndexOfAny(HeadClose);
        if ((end > 0 ? html.AsSpan(0, end) : html.AsSpan()).IndexOfAny(Hreflang) < 0)
        {
            return [];
        }

        var head = end > 0 ? html[..end] : html;

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
