using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BackSiteGen.Content;
using BackSiteGen.Markdown.Images;
using QRCoder;
using Scriban.Runtime;

namespace BackSiteGen.Templates;

/// <summary>Template functions for the reader's ways in and for paper: QR codes on the handout, the prefilled
/// "report a problem" e-mail, break points in long URLs, the A to Z of topics, and the size of a front matter image.</summary>
/// <remarks>Pure functions of the site as loaded, like <see cref="ThemeFunctions"/>: the same site gives the same bytes.</remarks>
internal sealed partial class ReaderFunctions(SiteIndex index)
{
    public static void Import(ScriptObject functions, SiteIndex index)
    {
        var self = new ReaderFunctions(index);
        functions.SetValue("qr_svg", DelegateCustomFunction.CreateFunc<string?, string?, string>(QrSvg), readOnly: true);
        functions.SetValue("mailto_url", DelegateCustomFunction.CreateFunc<string?, string?, string?, string?>(MailtoUrl), readOnly: true);
        functions.SetValue("break_urls", DelegateCustomFunction.CreateFunc<string?, string>(BreakUrls), readOnly: true);
        functions.SetValue("break_url", DelegateCustomFunction.CreateFunc<string?, string>(text => string.IsNullOrEmpty(text) ? string.Empty : Breakable(text)), readOnly: true);
        functions.SetValue("topic_index", DelegateCustomFunction.CreateFunc<ScriptArray?, ScriptArray>(self.TopicIndex), readOnly: true);
        functions.SetValue("page_file_size", DelegateCustomFunction.CreateFunc<string?, string?, ScriptObject?>(self.PageFileSize), readOnly: true);
    }

    /// <summary>An inline SVG QR code for <paramref name="text"/>: black modules on white with the standard
    /// 4-module quiet zone, whatever the colour scheme, because phone cameras read dark-on-light best.</summary>
    /// <remarks>Drawn from QRCoder's module matrix as one path of row runs, with presentation attributes only
    /// (the page's Content-Security-Policy allows no inline style), so the output depends on the text alone.</remarks>
    public static string QrSvg(string? text, string? label)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < size && row[x + 1])
                {
                    x++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start + 1}v1h-{x - start + 1}z");
            }
        }

        var name = HtmlText.Escape(string.IsNullOrEmpty(label) ? "QR code for " + text : label);
        var s = size.ToString(CultureInfo.InvariantCulture);
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {s} {s}\" width=\"{s}\" height=\"{s}\" role=\"img\" aria-label=\"{name}\" shape-rendering=\"crispEdges\"><rect width=\"{s}\" height=\"{s}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }

    /// <summary>A <c>mailto:</c> URL with subject and body percent-encoded as RFC 6068 asks (a space is
    /// <c>%20</c>, never <c>+</c>, which mail programs would show as a plus sign).</summary>
    public static string? MailtoUrl(string? address, string? subject, string? body)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var url = new StringBuilder("mailto:").Append(Uri.EscapeDataString(address.Trim()).Replace("%40", "@", StringComparison.Ordinal));
        var separator = '?';
        if (!string.IsNullOrEmpty(subject))
        {
            url.Append(separator).Append("subject=").Append(Uri.EscapeDataString(subject));
            separator = '&';
        }

        if (!string.IsNullOrEmpty(body))
        {
            url.Append(separator).Append("body=").Append(Uri.EscapeDataString(body));
        }

        return url.ToString();
    }

    /// <summary>Puts a <c>&lt;wbr&gt;</c> break opportunity into the text of links that show a long web address: after
    /// <c>/ ? &amp; = - _ #</c> and before <c>.</c>, as style guides break URLs. <c>wbr</c> has no text, so what
    /// a reader selects and copies is unchanged; the link's <c>href</c> is not touched.</summary>
    /// <summary>About as many characters of a URL as a 360 px phone shows on one line: shorter ones need no break.</summary>
    private const int FitsAPhoneLine = 40;

    public static string BreakUrls(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        return ShownUrl().Replace(html, match => match.Groups["url"].Value.Length <= FitsAPhoneLine
            ? match.Value
            : match.Groups["open"].Value + Breakable(match.Groups["url"].Value) + "</a>");
    }

    private static string Breakable(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var text = new StringBuilder(url.Length + 32);
        var i = 0;
        if (scheme > 0)
        {
            text.Append(url, 0, scheme + 3);
            i = scheme + 3;
        }

        for (; i < url.Length; i++)
        {
            var c = url[i];
            if (c == '&')
            {
                // An entity such as &amp; stays whole.
                var end = url.IndexOf(';', i);
                end = end < 0 ? i : end;
                text.Append(url, i, end - i + 1).Append("<wbr>");
                i = end;
                continue;
            }

            if (c == '%' && string.CompareOrdinal(url, i, "%20", 0, 3) == 0 && i + 3 < url.Length)
            {
                // An encoded space: where the words of a search or title meet.
                text.Append("%20<wbr>");
                i += 2;
                continue;
            }

            if (c == '.' && i > 0)
            {
                text.Append("<wbr>.");
                continue;
            }

            text.Append(c);
            if (c is '/' or '?' or '=' or '-' or '_' or '#' && i + 1 < url.Length)
            {
                text.Append("<wbr>");
            }
        }

        return text.ToString();
    }

    /// <summary>The A to Z the "Find a topic" page shows: every <c>topics:</c> entry of every page, linking to
    /// that page, and every glossary term, linking to its meaning; a name given by several pages lists them all.</summary>
    public ScriptArray TopicIndex(ScriptArray? glossary) => TopicIndex(glossary, _ => true, "Meaning in the glossary");

    /// <summary>The A to Z of one edition: its pages' topics and its glossary page, with the link label in its language.</summary>
    public ScriptArray TopicIndex(ScriptArray? glossary, Func<Page, bool> inEdition, string glossaryLabel)
    {
        var byName = new SortedDictionary<string, (string Name, List<(string Title, string Url)> Links)>(Text.Alphabetical.Instance);
        void Add(string name, string title, string url)
        {
            name = name.Trim();
            if (name.Length == 0)
            {
                return;
            }

            if (!byName.TryGetValue(name, out var entry))
            {
                entry = (name, []);
                byName[name] = entry;
            }

            if (!entry.Links.Exists(l => l.Url == url))
            {
                entry.Links.Add((title, url));
            }
        }

        foreach (var page in index.Pages.Where(inEdition).OrderBy(p => p.Source.RelativePath, StringComparer.Ordinal))
        {
            foreach (var topic in TopicsOf(page))
            {
                Add(topic, page.FrontMatter.Title, index.WithBasePath(page.Url));
            }
        }

        var glossaryPage = index.Pages.Where(inEdition).FirstOrDefault(p => p.FrontMatter.Layout == Trust.TrustStage.GlossaryLayout);
        if (glossaryPage is not null)
        {
            foreach (var term in glossary?.OfType<ScriptObject>() ?? [])
            {
                if (term["term"] is string name && term["id"] is string id)
                {
                    Add(name, glossaryLabel, index.WithBasePath(glossaryPage.Url) + "#" + id);
                }
            }
        }

        var letters = new ScriptArray();
        foreach (var group in byName.Values.GroupBy(e => LetterOf(e.Name)))
        {
            var entries = new ScriptArray();
            foreach (var (name, links) in group)
            {
                var linkArray = new ScriptArray();
                foreach (var (title, url) in links)
                {
                    linkArray.Add(new ScriptObject { ["title"] = title, ["url"] = url });
                }

                entries.Add(new ScriptObject { ["name"] = name, ["links"] = linkArray });
            }

            letters.Add(new ScriptObject { ["letter"] = group.Key, ["id"] = "letter-" + (group.Key == "Ñ" ? "enye" : group.Key.Length == 1 ? group.Key.ToLowerInvariant() : "other"), ["entries"] = entries });
        }

        return letters;
    }

    /// <summary>The width and height of an image written relative to a page's source, read from the file.</summary>
    public ScriptObject? PageFileSize(string? pageSource, string? path)
    {
        if (string.IsNullOrEmpty(pageSource) || string.IsNullOrEmpty(path) || index.PageAt(pageSource) is not { } page
            || ImageSizeCache.PathOf(path, page.Source) is not { } file || ImageSize.Read(file) is not { } size)
        {
            return null;
        }

        return new ScriptObject { ["width"] = size.Width, ["height"] = size.Height };
    }

    private static IEnumerable<string> TopicsOf(Page page) => page.FrontMatter.Values.GetValueOrDefault("topics") switch
    {
        string one => [one],
        IEnumerable<object?> many => many.OfType<string>(),
        _ => [],
    };

    private static string LetterOf(string name)
    {
        var first = Text.Alphabetical.LetterOf(name);
        return first is >= 'A' and <= 'Z' or 'Ñ' ? first.ToString() : "0–9";
    }

    [GeneratedRegex("""(?<open><a\b[^>]*>)(?<url>https?://[^<\s]+)</a>""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShownUrl();
}
