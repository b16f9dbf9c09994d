using System.Collections.Concurrent;
using BackSiteGen.Diagnostics;
using BackSiteGen.Text;

namespace BackSiteGen.Checks;

/// <summary>Checks every URL and id of a built site against the site's own files, after all pages are known.</summary>
/// <remarks>Only dictionary and set lookups per link; pages are checked in parallel and share nothing writable but
/// the diagnostic bag. Suggestions are computed only for links that are broken, through a <see cref="SuggestionIndex"/>.</remarks>
public sealed class SiteLinkChecker
{
    private readonly string _basePath;
    private readonly Uri? _origin;
    private readonly IReadOnlyDictionary<string, HtmlFacts> _pages;
    private readonly IReadOnlySet<string> _files;
    private readonly LinkCheckSettings _settings;
    private readonly ILinkLocator _locator;
    private readonly Lazy<SuggestionIndex> _suggestions;

    /// <summary>A broken anchor is compared with every id of its target page only up to this many ids: each broken anchor
    /// then costs a bounded time, and the report stays the same whatever order the threads take.</summary>
    internal const int MaxIdsToCompare = 256;

    internal const int MaxDuplicateIdsPerPage = 100;

    /// <param name="pages">The HTML pages by path below the site root; the targets of fragments.</param>
    /// <param name="files">Every file of the site below its root (pages included), '/' separators, as its bytes name it.</param>
    public SiteLinkChecker(string basePath, Uri? origin, IReadOnlyDictionary<string, HtmlFacts> pages, IReadOnlySet<string> files, LinkCheckSettings settings, ILinkLocator locator)
    {
        _basePath = basePath;
        _origin = origin;
        _pages = pages;
        _files = files;
        (_indexes, _slashless) = IndexesOf(files);
        _settings = settings;
        _locator = locator;
        _suggestions = new Lazy<SuggestionIndex>(() => new SuggestionIndex(BuildCandidates()));
    }

    /// <summary>Links to other sites, collected for <c>--external</c>.</summary>
    public ConcurrentBag<ExternalLinkUse> ExternalLinks { get; } = [];

    /// <summary>How many URLs were looked at.</summary>
    public int LinkCount => _linkCount;

    private int _linkCount;

    /// <summary>Findings placed in a template (a layout or partial), by place, code and message: one broken link in a
    /// partial would otherwise be reported once for every page of the site.</summary>
    private readonly ConcurrentDictionary<(SourceSpan Span, string Code, string Message), ConcurrentBag<(Diagnostic Diagnostic, string Note)>> _wholeFile = new();

    public void Check(IEnumerable<HtmlFacts> files, DiagnosticBag diagnostics)
    {
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file => CheckFile(file, diagnostics));
        foreach (var group in _wholeFile.Values)
        {
            // The first by output place, so the report is the same on every run.
            var ordered = group.OrderBy(g => g.Note, StringComparer.Ordinal).ToList();
            var (first, note) = ordered[0];
            var others = ordered.Count == 1 ? string.Empty : $"; and on {ordered.Count - 1} other page{(ordered.Count == 2 ? string.Empty : "s")}";
            diagnostics.Add(first with { Message = $"{first.Message} ({note}{others})" });
        }

        _wholeFile.Clear();
        ReportBaseMisses(diagnostics);
    }

    public void CheckFile(HtmlFacts file, DiagnosticBag diagnostics)
    {
        var links = file.Links;
        Interlocked.Add(ref _linkCount, links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.IsLoaded && link.Url.Length == 0)
            {
                // A browser does not fetch an empty src (the page itself is never an image); it shows a broken one.
                Report(diagnostics, LinkCheck.MissingResource, file, i, $"The {NounOf(link.Element)} has an empty address: a browser loads nothing and shows it as missing.");
                continue;
            }

            var resolved = Resolve(link.Url, file);
            switch (resolved.Kind)
            {
                case UrlKind.Ignored:
                    break;
                case UrlKind.Invalid:
                    Report(diagnostics, link.IsLoaded ? LinkCheck.MissingResource : LinkCheck.BrokenPage, file, i, $"The {(link.IsLoaded ? NounOf(link.Element) : "link")} '{Shown(_locator.WrittenUrl(file, i))}' is not a URL a browser can follow: {resolved.Path}.");
                    break;
                case UrlKind.External:
                    if (link.IsLoaded && !IsOwnOrigin(resolved.External!))
                    {
                        Report(diagnostics, LinkCheck.ThirdPartyResource, file, i, $"The page {WhatIs(link.Element)} another origin ({resolved.External!.IdnHost}): '{Shown(link.Url)}'. {PrivacyAdvice(link.Element)}");
                    }
                    else
                    {
                        ExternalLinks.Add(new ExternalLinkUse(file, i, resolved.External!));
                    }

                    break;
                case UrlKind.OutsideBase:
                    ReportOutsideBase(file, i, resolved, diagnostics);
                    break;
                case UrlKind.Internal when link.Element is LinkElement.Preconnect:
                    // Only the origin is contacted; there is no file to find.
                    break;
                case UrlKind.Internal:
                    CheckInternal(file, i, link, resolved, diagnostics);
                    break;
            }
        }

        var reported = 0;
        foreach (var (first, again) in file.DuplicateIds)
        {
            if (_settings.SeverityOf(LinkCheck.DuplicateId) is { } severity)
            {
                // Each located finding searches the page's source; past the first hundred, one line gives the count.
                if (++reported > MaxDuplicateIdsPerPage)
                {
                    var more = file.DuplicateIds.Count - MaxDuplicateIdsPerPage;
                    diagnostics.Add(new Diagnostic(severity, LinkCheckSettings.CodeOf(LinkCheck.DuplicateId), $"{more:N0} more ids are used twice on this page; only the first {MaxDuplicateIdsPerPage} are listed.", _locator.LocateId(file, first, again).Span with { Line = 0, Column = 0 }));
                    break;
                }

                var (span, note) = _locator.LocateId(file, first, again);
                var message = $"The id '{again.Id}' is used twice on this page (first at {_locator.OutputPlace(file.OutputPath, first.Line, first.Column)}); a link to #{again.Id} reaches only the first.{Suffix(note)}";
                diagnostics.Add(new Diagnostic(severity, LinkCheckSettings.CodeOf(LinkCheck.DuplicateId), message, span));
            }
        }
    }

    /// <summary>A URL of <paramref name="file"/> resolved; one that means the same on every page is resolved once per check.</summary>
    /// <remarks>Every page of the default theme carries the same menu and footer (about 40 root-relative links) and the same
    /// kinds of absolute links (its canonical address, the sources' DOIs): resolving them again on each page, an absolute
    /// one through <see cref="Uri"/> against the page's own address, was half of checking a site.</remarks>
    private ResolvedUrl Resolve(string url, HtmlFacts file) =>
        file.BaseHref is null && IsPageIndependent(url)
            ? _resolvedAnywhere.GetOrAdd(url, static (written, self) => UrlResolver.Resolve(written, "index.html", self._basePath, self._origin, null, self._settings.SameOriginOutsideBaseIsExternal), this)
            : UrlResolver.Resolve(url, file.OutputPath, _basePath, _origin, file.BaseHref, _settings.SameOriginOutsideBaseIsExternal);

    /// <summary>Whether a URL resolves the same from any page without a base element: a root-relative path (<c>/a/</c>, not
    /// the host-relative <c>//host/</c>) or a URL written in full with its host (<c>https://…</c>), both as written, with
    /// no backslash (which a browser may read as a slash) and nothing to trim.</summary>
    internal static bool IsPageIndependent(string url)
    {
        if (url.Length < 1 || url.Contains('\\', StringComparison.Ordinal) || url[^1] <= ' ')
        {
            return false;
        }

        return url[0] == '/'
            ? url.Length == 1 || url[1] != '/'
            : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What <see cref="Resolve"/> found of URLs that mean the same on every page, by URL as written.</summary>
    private readonly ConcurrentDictionary<string, ResolvedUrl> _resolvedAnywhere = new(StringComparer.Ordinal);

    private void CheckInternal(HtmlFacts file, int index, HtmlLink link, ResolvedUrl resolved, DiagnosticBag diagnostics)
    {
        var target = TargetOf(resolved.Path);
        if (target is null)
        {
            var check = link.IsLoaded ? LinkCheck.MissingResource : LinkCheck.BrokenPage;
            if (_settings.SeverityOf(check) is null)
            {
                return;
            }

            var written = _locator.WrittenUrl(file, index);
            CountBaseMiss(link, resolved.Path);
            var what = link.IsLoaded ? $"The {NounOf(link.Element)} '{Shown(written)}' is not in the site" : $"The link '{Shown(written)}' goes nowhere";
            var suggestion = SuggestPath(resolved.Path, pagesOnly: !link.IsLoaded);
            Report(diagnostics, check, file, index, $"{what}: there is no page or file at {Shown(_basePath + resolved.Path)}{Advice(UrlResolver.Decode(written), suggestion)}");
            return;
        }

        if (resolved.Fragment is not { } fragment || !_pages.TryGetValue(target, out var targetPage) || IsFound(fragment, targetPage))
        {
            return;
        }

        if (_settings.SeverityOf(LinkCheck.BrokenAnchor) is null)
        {
            return;
        }

        var decoded = UrlResolver.Decode(fragment);
        var samePage = ReferenceEquals(targetPage, file);
        var name = samePage ? string.Empty : _locator.NameOf(target);
        var best = targetPage.Ids.Count <= MaxIdsToCompare ? EditDistance.Suggest(decoded, targetPage.Ids.Keys) : null;
        var where = samePage ? "this page has" : $"{name} has";
        Report(diagnostics, LinkCheck.BrokenAnchor, file, index, $"The link '{Shown(_locator.WrittenUrl(file, index))}' goes to a missing anchor: {where} no id '{Shown(decoded)}'{Advice(decoded, best is null ? null : $"{name}#{best}", best)}");
    }

    /// <summary>The file a decoded site path means: folders mean their index.html, and a folder written without its
    /// trailing slash still finds it (servers and GitHub Pages redirect).</summary>
    /// <remarks>Folders are looked up in <see cref="_indexes"/> and <see cref="_slashless"/>: making <c>path + "index.html"</c> for each of a site's
    /// links to look it up was a twentieth of what a build allocated.</remarks>
    public string? TargetOf(string path)
    {
        if (path.Length == 0 || path[^1] == '/')
        {
            return _indexes.TryGetValue(path, out var index) ? index : null;
        }

        if (_files.Contains(path))
        {
            return path;
        }

        if (_slashless.TryGetValue(path, out var folder))
        {
            return folder;
        }

        return _settings.ExtensionlessHtml && _files.Contains(path + ".html") ? path + ".html" : null;
    }

    /// <summary>Every folder's <c>index.html</c> by the folder's path as links write it: with its trailing slash
    /// (<c>a/b/</c>, and <c>""</c> for the root), or, in <see cref="_slashless"/>, without it (<c>a/b</c>).</summary>
    private readonly Dictionary<string, string> _indexes;

    private readonly Dictionary<string, string> _slashless;

    private static (Dictionary<string, string> Indexes, Dictionary<string, string> Slashless) IndexesOf(IReadOnlySet<string> files)
    {
        const string Index = "index.html";
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        var slashless = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.EndsWith(Index, StringComparison.Ordinal) && (file.Length == Index.Length || file[^(Index.Length + 1)] == '/'))
            {
                var folder = file[..^Index.Length];
                indexes[folder] = file;
                if (folder.Length > 0)
                {
                    slashless[folder[..^1]] = file;
                }
            }
        }

        return (indexes, slashless);
    }

    private bool IsOwnOrigin(Uri url) =>
        _origin is not null && string.Equals(url.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase) && url.Port == _origin.Port;

    /// <summary>A root-relative URL outside the base path: the advice names the page it probably meant only if that
    /// page exists.</summary>
    private void ReportOutsideBase(HtmlFacts file, int index, ResolvedUrl resolved, DiagnosticBag diagnostics)
    {
        var within = resolved.Path.TrimStart('/');
        var exists = TargetOf(within) is not null;
        if (exists)
        {
            _baseMisses.AddOrUpdate(_basePath, 1, (_, n) => n + 1);
        }

        var advice = exists ? $"; did you mean {Shown(_basePath + within)}?" : ", where the site has nothing.";
        Report(diagnostics, LinkCheck.OutsideBasePath, file, index, $"The link '{Shown(_locator.WrittenUrl(file, index))}' leaves the site's base path {_basePath}: it goes to {Shown(resolved.Path)}{advice}");
    }

    /// <summary>A broken root-relative link whose path, without its first folder, is a page: the site was probably
    /// built for that folder as its base path.</summary>
    private void CountBaseMiss(HtmlLink link, string path)
    {
        var url = UrlResolver.Clean(link.Url);
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && TargetOf(path[(slash + 1)..]) is not null)
        {
            _baseMisses.AddOrUpdate(_basePath + path[..(slash + 1)], 1, (_, n) => n + 1);
        }
    }

    /// <summary>How many links missed by exactly a base path, by the base path that would have found them.</summary>
    private readonly ConcurrentDictionary<string, int> _baseMisses = new(StringComparer.Ordinal);

    /// <summary>Adds one note per base path that many links missed by: a forgotten or wrong <c>--base-url</c>
    /// otherwise shows as hundreds of unrelated-looking errors.</summary>
    private void ReportBaseMisses(DiagnosticBag diagnostics)
    {
        foreach (var (basePath, count) in _baseMisses.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (count < BaseMissHint)
            {
                continue;
            }

            var message = basePath == _basePath
                ? $"{count} root-relative links leave out the base path {_basePath} but exist below it: was the site built for / rather than {_basePath}? Build and check with the same --base-url."
                : $"{count} root-relative links start with {basePath} and would find their page without it: the site seems to be built for the base path {basePath}. Did you forget --base-url (for example --base-url {basePath})?";
            diagnostics.Add(new Diagnostic(Severity.Note, DiagnosticCodes.BasePathMismatch, message, SourceSpan.WholeFile("--base-url")));
        }

        _baseMisses.Clear();
    }

    /// <summary>How many such links make a pattern rather than a coincidence.</summary>
    private const int BaseMissHint = 3;

    /// <summary>The "did you mean" part; when the suggestion differs from what was written only in how its accents are
    /// encoded (NFC "é" against NFD "e" + U+0301), the two would look the same, so that is said instead.</summary>
    private static string Advice(string written, string? suggestion, string? compared = null)
    {
        if (suggestion is null)
        {
            return ".";
        }

        // Compared by their last segment: the suggestion is named the writer's way (treatments/café.md), the link may
        // be relative or carry a query.
        var cut = written.AsSpan().IndexOfAny('?', '#');
        var mine = compared is null ? LastSegment(cut < 0 ? written : written[..cut]) : written;
        var theirs = compared ?? LastSegment(suggestion);
        if (AccentDifference(mine, theirs) is { } difference)
        {
            return $"; {Shown(suggestion)} exists, but only looks the same: {difference}, the same letters to a reader but not to a server. Write the name and the link in one form (NFC is usual).";
        }

        return $"; did you mean {Shown(suggestion)}?";
    }

    /// <summary>Whether two names differ only in how accented letters are encoded, one as a single character (NFC),
    /// the other as a letter followed by combining marks (NFD); then what differs, as code points.</summary>
    /// <remarks>Compared by text element: the build runs with invariant globalization, where
    /// <see cref="string.Normalize()"/> does nothing, but grapheme segmentation and categories are built in.</remarks>
    private static string? AccentDifference(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return null;
        }

        var (left, right) = (System.Globalization.StringInfo.GetTextElementEnumerator(a), System.Globalization.StringInfo.GetTextElementEnumerator(b));
        string? first = null;
        while (true)
        {
            var (hasLeft, hasRight) = (left.MoveNext(), right.MoveNext());
            if (!hasLeft || !hasRight)
            {
                return hasLeft == hasRight ? first : null;
            }

            var (x, y) = (left.GetTextElement(), right.GetTextElement());
            if (string.Equals(x, y, StringComparison.Ordinal))
            {
                continue;
            }

            if (!(IsComposed(x) && IsDecomposed(y)) && !(IsDecomposed(x) && IsComposed(y)))
            {
                return null;
            }

            first ??= $"the link writes {CodePoints(x)} where the target has {CodePoints(y)}";
        }
    }

    private static bool IsComposed(string element) => element.Length == 1 && element[0] >= '\u00C0' && char.IsLetter(element[0]);

    private static bool IsDecomposed(string element)
    {
        if (element.Length < 2 || !char.IsLetter(element[0]))
        {
            return false;
        }

        for (var i = 1; i < element.Length; i++)
        {
            if (char.GetUnicodeCategory(element[i]) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                return false;
            }
        }

        return true;
    }

    private static string CodePoints(string element) => string.Join(" + ", element.Select(c => c < 0x80 ? c.ToString() : $"U+{(int)c:X4}"));

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    /// <summary>Text from a page as printed in a one-line diagnostic: newlines, tabs and other control characters are
    /// shown as escapes, so a wrapped href never breaks <c>file(line,col)</c> parsers.</summary>
    public static string Shown(string text)
    {
        var i = 0;
        while (i < text.Length && !char.IsControl(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static bool IsFound(string fragment, HtmlFacts page)
    {
        if (fragment.Length == 0 || page.Ids.ContainsKey(fragment))
        {
            return true;
        }

        var decoded = UrlResolver.Decode(fragment);
        // "#top" scrolls to the top in every browser; ":~:text=" is a text fragment, not an id.
        return page.Ids.ContainsKey(decoded) || decoded.Equals("top", StringComparison.OrdinalIgnoreCase) || decoded.StartsWith(":~:", StringComparison.Ordinal);
    }

    private void Report(DiagnosticBag diagnostics, LinkCheck check, HtmlFacts file, int index, string message)
    {
        if (_settings.SeverityOf(check) is not { } severity)
        {
            return;
        }

        var (span, note) = _locator.Locate(file, index);
        var code = LinkCheckSettings.CodeOf(check);
        if (note is not null && _locator.IsShared(span))
        {
            _wholeFile.GetOrAdd((span, code, message), _ => []).Add((new Diagnostic(severity, code, message, span), note));
            return;
        }

        diagnostics.Add(new Diagnostic(severity, code, message + Suffix(note), span));
    }

    /// <summary>Reports a finding from the external check at every place that link is used.</summary>
    public void ReportExternal(DiagnosticBag diagnostics, LinkCheck check, ExternalLinkUse use, string message) => Report(diagnostics, check, use.File, use.LinkIndex, message);

    private static string Suffix(string? note) => note is null ? string.Empty : $" ({note})";

    private string? SuggestPath(string wrong, bool pagesOnly) => _suggestions.Value.Suggest(KeyOf(wrong), pagesOnly);

    /// <summary>Every page under two spellings (its URL path and the name a writer uses) and every other file.</summary>
    private List<(string Key, string Name, bool IsPage)> BuildCandidates()
    {
        var list = new List<(string, string, bool)>();
        foreach (var file in _files.Order(StringComparer.Ordinal))
        {
            var isPage = _pages.ContainsKey(file);
            var name = isPage ? _locator.NameOf(file) : file;
            list.Add((KeyOf(file), name, isPage));
            if (isPage)
            {
                list.Add((KeyOf(name), name, true));
            }
        }

        return list;
    }

    private static string KeyOf(string path)
    {
        var key = path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
        return key.Trim('/');
    }

    private static string PrivacyAdvice(LinkElement element) => element switch
    {
        LinkElement.Preconnect => "That server learns who reads the page; remove the hint and serve what it was for from the site.",
        LinkElement.Ping => "That server learns who follows the link; remove the ping.",
        _ => "That server learns who reads the page; serve the file from the site instead.",
    };

    /// <summary>What the page does with such a URL, up to the origin ("The page loads a font from another origin").</summary>
    private static string WhatIs(LinkElement element) => element switch
    {
        LinkElement.Preconnect => "opens a connection (preconnect or dns-prefetch) to",
        LinkElement.Ping => "sends a ping, when the link is followed, to",
        LinkElement.Prefetch => "prefetches a file from",
        LinkElement.Image or LinkElement.Icon or LinkElement.EmbeddedObject => $"loads an {NounOf(element)} from",
        _ => $"loads a {NounOf(element)} from",
    };

    private static string NounOf(LinkElement element) => element switch
    {
        LinkElement.Stylesheet => "stylesheet",
        LinkElement.Image => "image",
        LinkElement.Script => "script",
        LinkElement.Frame => "frame",
        LinkElement.Media => "media file",
        LinkElement.Icon => "icon",
        LinkElement.Font => "font",
        LinkElement.Preload => "preloaded file",
        LinkElement.Prefetch => "prefetched file",
        LinkElement.Preconnect => "preconnect origin",
        LinkElement.Manifest => "web app manifest",
        LinkElement.EmbeddedObject => "embedded object",
        LinkElement.SvgSymbol => "SVG symbol",
        LinkElement.Ping => "ping",
        _ => "file",
    };
}
