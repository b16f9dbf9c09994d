using BackSiteGen.Content;

namespace BackSiteGen.Markdown.Links;

/// <summary>Turns URLs as a writer writes them (relative to the .md file, as GitHub renders them) into site URLs.</summary>
/// <remarks>Relative links are resolved against the source file's folder, not the page's URL, because
/// <c>foo.md</c> is published at <c>/foo/</c> and a browser would otherwise look one folder too deep.</remarks>
public static class LinkRewriter
{
    /// <summary>The rewritten URL, or null when the link tries to leave the site.</summary>
    public static string? Rewrite(string url, string sourceRelativePath, SiteIndex site)
    {
        if (url.Length == 0 || url[0] == '#' || IsExternal(url))
        {
            return url;
        }

        SplitFragment(url, out var path, out var suffix);
        string? resolved;
        if (path.StartsWith('/'))
        {
            resolved = Normalize(Uri.UnescapeDataString(path.TrimStart('/')));
        }
        else
        {
            var folder = sourceRelativePath.LastIndexOf('/') is var slash and >= 0 ? sourceRelativePath[..(slash + 1)] : string.Empty;
            resolved = Normalize(folder + Uri.UnescapeDataString(path));
        }

        if (resolved is null)
        {
            return null;
        }

        if (resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && site.PageAt(resolved) is { } page)
        {
            return site.WithBasePath(page.Url) + suffix;
        }

        // A folder written as a link ("exercises/" or "/exercises/") means its index page.
        if (site.PageAt(resolved.Length == 0 ? "index.md" : resolved + "/index.md") is { } folderPage)
        {
            return site.WithBasePath(folderPage.Url) + suffix;
        }

        if (site.FileUrlAt(resolved) is { } fileUrl)
        {
            return site.WithBasePath(fileUrl) + suffix;
        }

        // Not a known page or file: keep the path (even a missing .md) so the link checker reports it at this line.
        var trailing = path.EndsWith('/') && resolved.Length > 0 ? "/" : string.Empty;
        return site.WithBasePath(UrlMapper.EncodePath(resolved) + trailing) + suffix;
    }

    /// <summary>A URL with a scheme (https:, mailto:, tel:) or protocol-relative: not ours to rewrite.</summary>
    public static bool IsExternal(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return i > 0;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    private static void SplitFragment(string url, out string path, out string suffix)
    {
        var cut = url.IndexOfAny(['?', '#']);
        path = cut < 0 ? url : url[..cut];
        suffix = cut < 0 ? string.Empty : url[cut..];
    }

    /// <summary>Resolves "." and ".." segments; null when ".." climbs above the content folder.</summary>
    public static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }

        return string.Join('/', parts);
    }
}
