using System.Text;

namespace BackSiteGen.Content;

/// <summary>Maps content paths to URLs and output paths: <c>foo.md</c> → <c>/foo/</c>, <c>a/index.md</c> → <c>/a/</c>.</summary>
public static class UrlMapper
{
    /// <summary>The URL and output file of a page at <paramref name="relativePath"/> (a path ending in .md).</summary>
    public static (string Url, string OutputPath) ForPage(string relativePath)
    {
        var withoutExtension = relativePath[..^3];
        var segments = withoutExtension.Split('/');
        var count = segments[^1].Equals("index", StringComparison.OrdinalIgnoreCase) ? segments.Length - 1 : segments.Length;
        var slugs = new string[count];
        for (var i = 0; i < count; i++)
        {
            slugs[i] = Slug(segments[i]);
        }

        if (count == 0)
        {
            return ("/", "index.html");
        }

        var folder = string.Join('/', slugs);
        return ("/" + EncodePath(folder) + "/", folder + "/index.html");
    }

    /// <summary>The URL of a file copied as it is.</summary>
    public static string ForFile(string relativePath) => "/" + EncodePath(relativePath);

    /// <summary>Resolves a front matter permalink; null when it tries to leave the site.</summary>
    public static (string Url, string OutputPath)? ForPermalink(string permalink)
    {
        var decoded = Uri.UnescapeDataString(permalink.Trim());
        if (decoded.Contains('\\', StringComparison.Ordinal) || decoded.Contains("://", StringComparison.Ordinal) || decoded.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.Contains(':', StringComparison.Ordinal)))
        {
            return null;
        }

        if (segments.Length == 0)
        {
            return ("/", "index.html");
        }

        var path = string.Join('/', segments);
        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !decoded.EndsWith('/'))
        {
            return ("/" + EncodePath(path), path);
        }

        return ("/" + EncodePath(path) + "/", path + "/index.html");
    }

    /// <summary>Spaces become hyphens so URLs stay readable; letters of every language are kept.</summary>
    public static string Slug(string segment)
    {
        var sb = new StringBuilder(segment.Length);
        foreach (var c in segment.Trim())
        {
            sb.Append(char.IsWhiteSpace(c) ? '-' : c);
        }

        return sb.ToString();
    }

    /// <summary>Percent-encodes each segment of a '/'-separated path (UTF-8), keeping the slashes.</summary>
    public static string EncodePath(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return string.Join('/', segments);
    }
}
