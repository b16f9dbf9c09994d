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
        _settings = settings;
        _locator = locator;
        _suggestions = new Lazy<SuggestionIndex>(() => new SuggestionIndex(BuildCandidates()));
    }

    /// <summary>Links to other sites, collected for <c>--external</c>.</summary>
    public ConcurrentBag<ExternalLinkUse> ExternalLinks { get; } = [];

    /// <summary>How many URLs were looked at.</summary>
    public int LinkCount => _linkCount;

    private int _linkCount;

    /// <summary>Findings only placed at a whole file (a layout), by file, code and message: one layout link that is
    /// broken would otherwise be reported once for every page of the site.</summary>
    private readonly ConcurrentDictionary<(string File, string Code, string Message), ConcurrentBag<(Diagnostic Diagnostic, string Note)>> _wholeFile = new();

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
    }

    public void CheckFile(HtmlFacts file, DiagnosticBag diagnostics)
    {
        var links = file.Links;
        Interlocked.Add(ref _linkCount, links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var resolved = UrlResolver.Resolve(link.Url, file.OutputPath, _basePath, _origin);
            switch (resolved.Kind)
            {
                case UrlKind.Ignored:
                    break;
                case UrlKind.External:
                    if (link.IsLoaded)
                    {
                        Report(diagnostics, LinkCheck.ThirdPartyResource, file, i, $"The page loads {WhatIs(link.Element)} from another origin ({resolved.External!.Host}): '{link.Url}'. That server learns who reads the page; serve the file from the site instead.");
                    }
                    else
                    {
                        ExternalLinks.Add(new ExternalLinkUse(file, i, resolved.External!));
                    }

                    break;
                case UrlKind.OutsideBase:
                    Report(diagnostics, LinkCheck.OutsideBasePath, file, i, $"The link '{_locator.WrittenUrl(file, i)}' leaves the site's base path {_basePath}: it goes to {resolved.Path}. Start it with {_basePath} or write it relative.");
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

            var what = link.IsLoaded ? $"The {NounOf(link.Element)} '{_locator.WrittenUrl(file, index)}' is not in the site" : $"The link '{_locator.WrittenUrl(file, index)}' goes nowhere";
            var suggestion = SuggestPath(resolved.Path, pagesOnly: !link.IsLoaded);
            Report(diagnostics, check, file, index, $"{what}: there is no page or file at {_basePath}{resolved.Path}{(suggestion is null ? "." : $"; did you mean {suggestion}?")}");
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
        Report(diagnostics, LinkCheck.BrokenAnchor, file, index, $"The link '{_locator.WrittenUrl(file, index)}' goes to a missing anchor: {where} no id '{decoded}'{(best is null ? "." : $"; did you mean {name}#{best}?")}");
    }

    /// <summary>The file a decoded site path means: folders mean their index.html, and a folder written without its
    /// trailing slash still finds it (servers and GitHub Pages redirect).</summary>
    public string? TargetOf(string path)
    {
        if (path.Length == 0 || path[^1] == '/')
        {
            var index = path + "index.html";
            return _files.Contains(index) ? index : null;
        }

        if (_files.Contains(path))
        {
            return path;
        }

        var folder = path + "/index.html";
        return _files.Contains(folder) ? folder : null;
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
        if (span.Line == 0 && note is not null)
        {
            _wholeFile.GetOrAdd((span.File, code, message), _ => []).Add((new Diagnostic(severity, code, message, span), note));
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

    private static string WhatIs(LinkElement element) => element switch
    {
        LinkElement.Image => "an " + NounOf(element),
        _ => "a " + NounOf(element),
    };

    private static string NounOf(LinkElement element) => element switch
    {
        LinkElement.Stylesheet => "stylesheet or icon",
        LinkElement.Image => "image",
        LinkElement.Script => "script",
        LinkElement.Frame => "frame",
        LinkElement.Media => "media file",
        LinkElement.CssUrl => "CSS url() (font, image or stylesheet)",
        _ => "file",
    };
}
