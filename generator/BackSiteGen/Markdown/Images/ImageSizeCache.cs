using System.Collections.Concurrent;
using System.Globalization;
using BackSiteGen.Content;
using BackSiteGen.Markdown.Links;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown.Images;

/// <summary>Gives content images their <c>width</c> and <c>height</c>, read once per file per build.</summary>
internal sealed class ImageSizeCache
{
    private readonly ConcurrentDictionary<string, ImageSize?> _sizes = new(StringComparer.Ordinal);

    /// <summary>Sets width and height on an image written as <paramref name="written"/> in <paramref name="source"/>,
    /// when the URL names a local file whose size can be read; other images are left alone.</summary>
    public void Apply(LinkInline image, string written, SourceFile source)
    {
        if (PathOf(written, source) is not { } path || _sizes.GetOrAdd(path, ImageSize.Read) is not { } size)
        {
            return;
        }

        var attributes = image.GetAttributes();
        attributes.AddPropertyIfNotExist("width", size.Width.ToString(CultureInfo.InvariantCulture));
        attributes.AddPropertyIfNotExist("height", size.Height.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The file a relative or root-relative image URL names on disk, or null for external and odd URLs.</summary>
    internal static string? PathOf(string written, SourceFile source)
    {
        if (written.Length == 0 || written[0] == '#' || LinkRewriter.IsExternal(written))
        {
            return null;
        }

        var end = written.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? written : written[..end]);
        var contentRoot = source.FullPath[..^source.RelativePath.Length];
        var full = path.StartsWith('/')
            ? Path.GetFullPath(Path.Combine(contentRoot, path.TrimStart('/')))
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source.FullPath)!, path));
        return full.StartsWith(Path.GetFullPath(contentRoot), StringComparison.Ordinal) ? full : null;
    }
}
