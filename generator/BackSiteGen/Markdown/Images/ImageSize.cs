using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BackSiteGen.Markdown.Images;

/// <summary>The intrinsic size of an image file, read from its first bytes only, so a page reserves the image's
/// space before it loads (no layout shift) without the build decoding any image.</summary>
internal readonly partial record struct ImageSize(int Width, int Height)
{
    private const int HeaderBytes = 64 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether a file of this name may be an image whose size pages carry (so pages must render again when it changes).</summary>
    public static bool CanRead(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".jpe" or ".jfif" or ".svg" or ".gif" or ".webp" or ".avif";

    /// <summary>The size of a PNG, JPEG or SVG file; null for other formats, unreadable files or SVGs without a size.</summary>
    public static ImageSize? Read(string path)
    {
        byte[] header;
        try
        {
            using var stream = File.OpenRead(path);
            header = new byte[(int)Math.Min(stream.Length, HeaderBytes)];
            stream.ReadExactly(header);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return FromBytes(header, Path.GetExtension(path));
    }

    public static ImageSize? FromBytes(ReadOnlySpan<byte> bytes, string extension)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(PngSignature) && bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return Positive(BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(20, 4)));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            return Jpeg(bytes);
        }

        return extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) ? Svg(Encoding.UTF8.GetString(bytes)) : null;
    }

    /// <summary>Walks the JPEG segments to the first start-of-frame marker, which holds the size.</summary>
    private static ImageSize? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i + 2, 2));
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                return Positive(BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i + 7, 2)), BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i + 5, 2)));
            }

            i += 2 + length;
        }

        return null;
    }

    /// <summary>The root element's width and height in pixels, or else its viewBox.</summary>
    public static ImageSize? Svg(string text)
    {
        var root = SvgRoot().Match(text);
        if (!root.Success)
        {
            return null;
        }

        var tag = root.Value;
        var width = Length(Attribute(tag, "width"));
        var height = Length(Attribute(tag, "height"));
        if (width is > 0 && height is > 0)
        {
            return new ImageSize(width.Value, height.Value);
        }

        var parts = Attribute(tag, "viewBox")?.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts is { Length: 4 }
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            return Positive((int)Math.Round(w), (int)Math.Round(h));
        }

        return null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value : null;
    }

    /// <summary>A length in pixels ("320" or "320px"); percentages and other units mean "no intrinsic size".</summary>
    private static int? Length(string? value)
    {
        var trimmed = value?.Trim();
        if (trimmed is null)
        {
            return null;
        }

        if (trimmed.EndsWith("px", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^2];
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? (int)Math.Round(number) : null;
    }

    private static ImageSize? Positive(int width, int height) => width > 0 && height > 0 ? new ImageSize(width, height) : null;

    [GeneratedRegex(@"<svg\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex SvgRoot();
}
