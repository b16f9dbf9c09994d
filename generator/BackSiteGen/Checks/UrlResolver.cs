using BackSiteGen.Markdown.Links;

namespace BackSiteGen.Checks;

/// <summary>Resolves URLs found in built files the way a browser would (the WHATWG URL standard's parts that matter
/// for a static site), then maps them into the site folder.</summary>
/// <remarks>Plain relative and root-relative URLs on a page without <c>&lt;base href&gt;</c> (nearly all of them) take a
/// string-only path; absolute URLs, backslashes and base elements go through <see cref="Uri"/>, which parses hosts
/// (IDNA included), ports and percent-encoding.</remarks>
public static class UrlResolver
{
    /// <summary>The origin assumed when only a base path is known, so relative URLs still resolve to a full URL.</summary>
    private static readonly Uri Placeholder = new("https://site.invalid/");

    /// <param name="fromOutputPath">The file the URL is in, below the site root: <c>a/b/index.html</c>.</param>
    /// <param name="basePath">"/" or "/repo/": where the site's root is published.</param>
    /// <param name="origin">The site's own origin, when known, so absolute URLs to it are checked as internal.</param>
    /// <param name="baseHref">The page's first <c>&lt;base href&gt;</c>, which every relative URL of the page is resolved
    /// against (as written; resolved itself against the page's own address).</param>
    /// <param name="sameOriginIsExternal">Whether a URL written in full to the site's own origin but outside its base
    /// path is another site on the same host (<c>https://owner.github.io/</c> from <c>/repo/</c>) rather than an error.</param>
    public static ResolvedUrl Resolve(string url, string fromOutputPath, string basePath, Uri? origin, string? baseHref = null, bool sameOriginIsExternal = true)
    {
        url = Clean(url);
        if (baseHref is null && !NeedsFullParse(url))
        {
            return ResolveRelative(url, fromOutputPath, basePath);
        }

        var site = origin ?? Placeholder;
        var document = DocumentUrl(site, basePath, fromOutputPath);
        var against = document;
        if (baseHref is not null && Parse(Clean(baseHref), document, out _) is { } based)
        {
            against = based;
        }

        var absolute = Parse(url, against, out var why);
        if (why is not null)
        {
            return new ResolvedUrl(UrlKind.Invalid, why, null, null);
        }

        if (absolute is null)
        {
            return new ResolvedUrl(UrlKind.Ignored, string.Empty, null, null);
        }

        if (!SameOrigin(absolute, site))
        {
            return new ResolvedUrl(UrlKind.External, string.Empty, null, absolute);
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? null : url[(hash + 1)..];
        var path = absolute.AbsolutePath;
        if (path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return new ResolvedUrl(UrlKind.Internal, Decode(path[basePath.Length..]), fragment, null);
        }

        if (path.Length + 1 == basePath.Length && basePath.StartsWith(path, StringComparison.Ordinal))
        {
            return new ResolvedUrl(UrlKind.Internal, string.Empty, fragment, null);
        }

        // Written out in full, the writer named the host on purpose: another site that happens to share it.
        return sameOriginIsExternal && origin is not null && IsWrittenInFull(url)
            ? new ResolvedUrl(UrlKind.External, string.Empty, null, absolute)
            : new ResolvedUrl(UrlKind.OutsideBase, Decode(path), fragment, null);
    }

    /// <summary>What a browser does to an attribute's URL before parsing it: leading and trailing spaces and control
    /// characters go, and so does every tab and newline inside (a long href wrapped over two lines still works).</summary>
    public static string Clean(string url)
    {
        var start = 0;
        var end = url.Length;
        while (start < end && url[start] <= ' ')
        {
            start++;
        }

        while (end > start && url[end - 1] <= ' ')
        {
            end--;
        }

        var trimmed = start == 0 && end == url.Length ? url : url[start..end];
        return trimmed.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? trimmed : trimmed.Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
    }

    private static bool NeedsFullParse(string url)
    {
        var end = url.AsSpan().IndexOfAny('?', '#');
        var beforeQuery = end < 0 ? url.AsSpan() : url.AsSpan(0, end);
        return LinkRewriter.IsExternal(url) || beforeQuery.Contains('\\');
    }

    private static bool IsWrittenInFull(string url) =>
        SchemeLength(url) > 0 || Backslashes(url).StartsWith("//", StringComparison.Ordinal);

    /// <summary>The length of the URL's scheme, 0 when it has none.</summary>
    private static int SchemeLength(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0]))
        {
            return 0;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return i;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>Parses <paramref name="url"/> against <paramref name="against"/>; null for a scheme other than http(s),
    /// and null with <paramref name="why"/> set when a browser would reject it.</summary>
    private static Uri? Parse(string url, Uri against, out string? why)
    {
        why = null;
        var schemeLength = SchemeLength(url);
        var scheme = schemeLength == 0 ? against.Scheme : url[..schemeLength].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        // Special schemes read a backslash as a slash, up to the query or fragment.
        var rest = Backslashes(schemeLength == 0 ? url : url[(schemeLength + 1)..]);
        string text;
        if (rest.StartsWith("//", StringComparison.Ordinal) || (schemeLength > 0 && !string.Equals(scheme, against.Scheme, StringComparison.Ordinal)))
        {
            // Any number of slashes may come before the host; none at all is no host.
            var host = rest.TrimStart('/');
            if (host.Length == 0 || host[0] is '?' or '#')
            {
                why = "there is no host after the slashes";
                return null;
            }

            text = scheme + "://" + host;
        }
        else
        {
            // "https:page" on an https page is a relative URL.
            text = rest;
        }

        if (!Uri.TryCreate(against, text, out var absolute) || absolute.Scheme is not ("http" or "https"))
        {
            why = "a browser cannot parse it as a URL";
            return null;
        }

        return absolute;
    }

    private static string Backslashes(string url)
    {
        var end = url.AsSpan().IndexOfAny('?', '#');
        var before = end < 0 ? url : url[..end];
        return before.Contains('\\', StringComparison.Ordinal) ? before.Replace('\\', '/') + (end < 0 ? string.Empty : url[end..]) : url;
    }

    private static Uri DocumentUrl(Uri site, string basePath, string fromOutputPath)
    {
        var escaped = string.Join('/', fromOutputPath.Split('/').Select(Uri.EscapeDataString));
        return new Uri(site, basePath + escaped);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static ResolvedUrl ResolveRelative(string url, string fromOutputPath, string basePath)
    {
        if (url.Length == 0)
        {
            return new ResolvedUrl(UrlKind.Internal, fromOutputPath, null, null);
        }

        if (url[0] == '#')
        {
            return new ResolvedUrl(UrlKind.Internal, fromOutputPath, url[1..], null);
        }

        var cut = url.AsSpan().IndexOfAny('?', '#');
        var path = cut < 0 ? url : url[..cut];
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? null : url[(hash + 1)..];
        if (path.Length == 0)
        {
            return new ResolvedUrl(UrlKind.Internal, fromOutputPath, fragment, null);
        }

        string absolutePath;
        if (path[0] == '/')
        {
            absolutePath = path;
        }
        else
        {
            var slash = fromOutputPath.LastIndexOf('/');
            absolutePath = basePath + (slash < 0 ? string.Empty : fromOutputPath[..(slash + 1)]) + path;
        }

        absolutePath = RemoveDotSegments(absolutePath);
        string relative;
        if (absolutePath.StartsWith(basePath, StringComparison.Ordinal))
        {
            relative = absolutePath[basePath.Length..];
        }
        else if (absolutePath.Length + 1 == basePath.Length && basePath.StartsWith(absolutePath, StringComparison.Ordinal))
        {
            relative = string.Empty;
        }
        else
        {
            return new ResolvedUrl(UrlKind.OutsideBase, Decode(absolutePath), fragment, null);
        }

        return new ResolvedUrl(UrlKind.Internal, Decode(relative), fragment, null);
    }

    /// <summary>Percent-decodes (UTF-8), so "café" and "caf%C3%A9" find the same file or id.</summary>
    /// <remarks>No Unicode normalization: web servers match file names byte for byte and browsers match ids exactly,
    /// so an NFD file name linked in NFC is broken when published, and is reported.</remarks>
    public static string Decode(string text) => text.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(text) : text;

    /// <summary>RFC 3986 dot-segment removal; like a browser, ".." at the root stays at the root.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal))
        {
            return path;
        }

        var segments = path.Split('/');
        var kept = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    kept.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                if (last)
                {
                    kept.Add(string.Empty);
                }
            }
            else
            {
                kept.Add(segment);
            }
        }

        return "/" + string.Join('/', kept);
    }
}
