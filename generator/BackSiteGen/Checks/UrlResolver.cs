using BackSiteGen.Markdown.Links;

namespace BackSiteGen.Checks;

/// <summary>Resolves URLs found in built files the way a browser would, then maps them into the site folder.</summary>
public static class UrlResolver
{
    /// <param name="fromOutputPath">The file the URL is in, below the site root: <c>a/b/index.html</c>.</param>
    /// <param name="basePath">"/" or "/repo/": where the site's root is published.</param>
    /// <param name="origin">The site's own origin, when known, so absolute URLs to it are checked as internal.</param>
    public static ResolvedUrl Resolve(string url, string fromOutputPath, string basePath, Uri? origin)
    {
        if (url.Length == 0)
        {
            return new ResolvedUrl(UrlKind.Internal, fromOutputPath, null, null);
        }

        if (url[0] == '#')
        {
            return new ResolvedUrl(UrlKind.Internal, fromOutputPath, url[1..], null);
        }

        if (LinkRewriter.IsExternal(url))
        {
            var protocolRelative = url.StartsWith("//", StringComparison.Ordinal);
            if (!protocolRelative && !url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            {
                return new ResolvedUrl(UrlKind.Ignored, string.Empty, null, null);
            }

            if (!Uri.TryCreate(protocolRelative ? (origin?.Scheme ?? "https") + ":" + url : url, UriKind.Absolute, out var absolute))
            {
                // Not even a URL; report it as a broken link rather than let it pass.
                return new ResolvedUrl(UrlKind.Internal, url, null, null);
            }

            if (origin is null || !string.Equals(absolute.Host, origin.Host, StringComparison.OrdinalIgnoreCase) || absolute.Port != origin.Port)
            {
                return new ResolvedUrl(UrlKind.External, string.Empty, null, absolute);
            }

            // Our own origin written out in full (canonical links, Open Graph URLs): check it like a root-relative URL.
            url = absolute.PathAndQuery + absolute.Fragment;
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
            return new ResolvedUrl(UrlKind.OutsideBase, absolutePath, fragment, null);
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
