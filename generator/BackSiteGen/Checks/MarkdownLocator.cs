using BackSiteGen.Diagnostics;

namespace BackSiteGen.Checks;

/// <summary>Maps findings in built pages back to where a writer made them: the Markdown link (file, line, column),
/// a raw HTML link in the Markdown, or the template (layout or partial) text that made the link.</summary>
/// <remarks>Markdown links are matched to the renderer's <c>SourceLink</c>s by their rendered URL in document order;
/// raw HTML passes through Markdig unchanged, so its URL is found verbatim in the page body. All of this runs only
/// for links that are broken, so none of it is on the hot path.</remarks>
/// <param name="bodies">Where the pages' Markdown is read from, to find a finding's line.</param>
/// <param name="templatePlace">Where in the theme a page's URL (its n-th use on the page, at an output offset) was
/// written, when that can be known.</param>
public sealed class MarkdownLocator(IReadOnlyDictionary<string, PageOrigin> pages, IReadOnlyDictionary<string, string> assets, string outputDisplayRoot, Content.PageBodies bodies, Func<PageOrigin, string, int, int, SourceSpan?>? templatePlace = null) : ILinkLocator
{
    private readonly OutputLocator _output = new(outputDisplayRoot);

    /// <summary>Template places already found, by layout, URL and how many same-URL links of the layout come before:
    /// a broken footer link is on every page, and one traced page is enough to place it.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Layout, string Url, int Occurrence), SourceSpan?> _placed = new();

    public (SourceSpan Span, string? Note) Locate(HtmlFacts file, int linkIndex)
    {
        var link = file.Links[linkIndex];
        if (assets.TryGetValue(file.OutputPath, out var display))
        {
            return (new SourceSpan(display, link.Line, link.Column), null);
        }

        if (!pages.TryGetValue(file.OutputPath, out var origin))
        {
            return _output.Locate(file, linkIndex);
        }

        if (!origin.IsInContent(link.Offset))
        {
            return InTemplate(file, origin, link.Url, link.Offset, linkIndex);
        }

        if (Match(file, linkIndex, origin, out var rawIndex) is { } written)
        {
            return (written.Span, null);
        }

        if (FindInBody(origin, [link.Url, link.Url.Replace("&", "&amp;", StringComparison.Ordinal)], rawIndex, wholeValue: true) is { } place)
        {
            return (place, null);
        }

        return (SourceSpan.WholeFile(origin.Page.Source.DisplayPath), $"at line {link.Line}, column {link.Column} of the built page");
    }

    /// <summary>A finding the theme made: at the template text that wrote it, naming the page it appeared on (never
    /// the output file, which a failed build does not write).</summary>
    private (SourceSpan Span, string? Note) InTemplate(HtmlFacts file, PageOrigin origin, string url, int offset, int linkIndex)
    {
        var page = $"on {origin.Page.Source.DisplayPath}";
        if (templatePlace is null)
        {
            return (SourceSpan.WholeFile(origin.LayoutDisplayPath), $"made by the layout, {page}");
        }

        var occurrence = 0;
        for (var j = 0; j < linkIndex; j++)
        {
            if (string.Equals(file.Links[j].Url, url, StringComparison.Ordinal))
            {
                occurrence++;
            }
        }

        var key = (origin.LayoutDisplayPath, url, linkIndex < 0 ? -1 : occurrence);
        var place = _placed.GetOrAdd(key, _ => templatePlace(origin, url, linkIndex < 0 ? -1 : occurrence, offset));
        return place is { } span ? (span, page) : (SourceSpan.WholeFile(origin.LayoutDisplayPath), $"made by the layout, {page}");
    }

    public (SourceSpan Span, string? Note) LocateId(HtmlFacts file, HtmlId first, HtmlId again)
    {
        if (!pages.TryGetValue(file.OutputPath, out var origin))
        {
            return _output.LocateId(file, first, again);
        }

        // Of the two uses, point at one the writer made, if either is in the Markdown.
        var id = origin.IsInContent(again.Offset) || !origin.IsInContent(first.Offset) ? again : first;
        var occurrence = id == again && origin.IsInContent(first.Offset) ? 1 : 0;

        var at = $"at line {id.Line}, column {id.Column} of the built page";
        if (!origin.IsInContent(id.Offset))
        {
            return InTemplate(file, origin, "#" + id.Id, id.Offset, -1);
        }

        if (FindInBody(origin, [$"id=\"{id.Id}\"", $"id='{id.Id}'", $"id={id.Id}"], occurrence, wholeValue: false) is { } place)
        {
            return (place, null);
        }

        // Most likely a heading whose generated id repeats an id of the layout.
        return (SourceSpan.WholeFile(origin.Page.Source.DisplayPath), $"a heading or HTML in this page, {at}");
    }

    public string WrittenUrl(HtmlFacts file, int linkIndex) =>
        pages.TryGetValue(file.OutputPath, out var origin) && origin.IsInContent(file.Links[linkIndex].Offset) && Match(file, linkIndex, origin, out _) is { } written
            ? written.Written
            : file.Links[linkIndex].Url;

    public string NameOf(string outputPath) =>
        pages.TryGetValue(outputPath, out var origin) ? origin.Page.Source.RelativePath : outputPath;

    /// <summary>A build names no output file: a build that fails never writes it.</summary>
    public string OutputPlace(string outputPath, int line, int column) => $"line {line}, column {column} of the built page";

    /// <summary>The Markdown link the output link at <paramref name="linkIndex"/> was rendered from, or null for raw
    /// HTML; then <paramref name="rawIndex"/> says how many raw uses of the same URL come before it.</summary>
    private static Markdown.SourceLink? Match(HtmlFacts file, int linkIndex, PageOrigin origin, out int rawIndex)
    {
        var url = file.Links[linkIndex].Url;
        var earlier = 0;
        for (var j = 0; j < linkIndex; j++)
        {
            var other = file.Links[j];
            if (origin.IsInContent(other.Offset) && SameUrl(other.Url, url))
            {
                earlier++;
            }
        }

        var seen = 0;
        foreach (var sourceLink in origin.SourceLinks)
        {
            if (SameUrl(sourceLink.Rendered, url))
            {
                if (seen == earlier)
                {
                    rawIndex = 0;
                    return sourceLink;
                }

                seen++;
            }
        }

        rawIndex = earlier - seen;
        return null;
    }

    /// <summary>Markdig percent-encodes what the rewriter left readable, and HTML escapes ampersands.</summary>
    private static bool SameUrl(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || string.Equals(UrlResolver.Decode(a), UrlResolver.Decode(b), StringComparison.Ordinal);

    /// <param name="wholeValue">Only matches that are a whole attribute value, so "/a/" is not found inside "/sub/a/".</param>
    private SourceSpan? FindInBody(PageOrigin origin, string[] needles, int occurrence, bool wholeValue)
    {
        // Only for findings: a build reads a page's body again here rather than keep every body until the check.
        var body = bodies.Read(origin.Page, new DiagnosticBag())?.Body ?? string.Empty;
        foreach (var needle in needles)
        {
            if (needle.Length == 0)
            {
                continue;
            }

            var found = -1;
            for (int from = 0, n = 0; n <= occurrence; n++)
            {
                var next = body.IndexOf(needle, from, StringComparison.Ordinal);
                while (next >= 0 && wholeValue && !IsWholeValue(body, next, needle.Length))
                {
                    next = body.IndexOf(needle, next + 1, StringComparison.Ordinal);
                }

                if (next < 0)
                {
                    break;
                }

                found = next;
                from = next + needle.Length;
            }

            if (found >= 0)
            {
                var before = body.AsSpan(0, found);
                var lineStart = before.LastIndexOf('\n') + 1;
                return new SourceSpan(origin.Page.Source.DisplayPath, origin.Page.BodyLine + before.Count('\n'), found - lineStart + 1);
            }
        }

        return null;
    }

    private static bool IsWholeValue(string body, int start, int length)
    {
        var before = start == 0 ? ' ' : body[start - 1];
        var after = start + length >= body.Length ? ' ' : body[start + length];
        return before is '"' or '\'' or '=' && (after is '"' or '\'' or '>' || char.IsWhiteSpace(after));
    }
}
