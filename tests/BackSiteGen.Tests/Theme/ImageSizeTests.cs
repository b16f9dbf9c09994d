using BackSiteGen.Markdown.Images;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Theme;

/// <summary>Content images reserve their space: the build writes the file's own width and height on the img.</summary>
public sealed class ImageSizeTests
{
    private const string Site = """
        -- content/site.yml --
        title: T
        description: D
        base_url: https://example.org/
        # Only the sizes are under test here: a remote image is allowed and pages need no review dates.
        links: { third_party_resource: off }
        review: { enabled: false }
        -- content/index.md --
        ---
        title: Home
        description: Home page.
        ---
        ![A spine](images/spine.svg)

        ![A chart](/chart.png)

        ![Elsewhere](https://images.example.net/x.png)
        -- content/images/spine.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320.4 180"><title>Spine</title></svg>
        """;

    [Fact]
    public void Svg_and_png_images_get_width_and_height_from_their_files()
    {
        using var site = SiteFixture.Create(Site);
        site.WriteBytes("content/chart.png", Png(640, 400));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("index.html");
        Assert.Contains("<img src=\"/images/spine.svg\" width=\"320\" height=\"180\" alt=\"A spine\" />", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/chart.png\" width=\"640\" height=\"400\" alt=\"A chart\" />", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://images.example.net/x.png\" alt=\"Elsewhere\" />", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg width=\"48px\" height=\"24\" viewBox=\"0 0 10 10\">", 48, 24)]
    [InlineData("<?xml version=\"1.0\"?>\n<svg\n  viewBox='0,0,300,150'>", 300, 150)]
    [InlineData("<svg width=\"100%\" viewBox=\"0 0 90 60\">", 90, 60)]
    public void Svg_size_comes_from_width_and_height_or_else_the_view_box(string svg, int width, int height) =>
        Assert.Equal(new ImageSize(width, height), ImageSize.Svg(svg));

    [Fact]
    public void Jpeg_size_comes_from_the_start_of_frame()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, 0, 0, 0, 0, 0, 0];
        Assert.Equal(new ImageSize(600, 300), ImageSize.FromBytes(jpeg, ".jpg"));
    }

    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
