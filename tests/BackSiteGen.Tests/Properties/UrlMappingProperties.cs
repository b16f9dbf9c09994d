using BackSiteGen.Content;
using BackSiteGen.Output;
using CsCheck;

namespace BackSiteGen.Tests.Properties;

public sealed class UrlMappingProperties
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "bsg-never-written", "staging");

    [Fact]
    public void Every_page_path_maps_deterministically_and_what_the_build_accepts_stays_inside_the_output()
    {
        Generators.RelativePath.Sample(path =>
        {
            var source = path + ".md";
            var first = UrlMapper.ForPage(source);

            Assert.Equal(first, UrlMapper.ForPage(source));
            Assert.StartsWith("/", first.Url, StringComparison.Ordinal);
            if (OutputPath.IsSafe(first.OutputPath))
            {
                Assert.True(OutputPath.StaysInside(Root, first.OutputPath), first.OutputPath);
                Assert.DoesNotContain("..", first.OutputPath.Split('/'));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void A_permalink_maps_inside_the_site_or_not_at_all()
    {
        Gen.OneOf(Generators.RelativePath, Generators.RelativePath.Select(p => "/" + p)).Sample(permalink =>
        {
            if (UrlMapper.ForPermalink(permalink) is not { } mapped)
            {
                return;
            }

            Assert.Equal(mapped, UrlMapper.ForPermalink(permalink));
            Assert.DoesNotContain("..", mapped.OutputPath.Split('/'));
            Assert.DoesNotContain("..", Uri.UnescapeDataString(mapped.Url).Split('/'));
            Assert.False(Path.IsPathRooted(mapped.OutputPath), mapped.OutputPath);
            if (OutputPath.IsSafe(mapped.OutputPath))
            {
                Assert.True(OutputPath.StaysInside(Root, mapped.OutputPath), mapped.OutputPath);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void A_safe_output_path_never_leaves_any_root()
    {
        Generators.RelativePath.Where(OutputPath.IsSafe).Sample(path =>
        {
            Assert.True(OutputPath.StaysInside(Root, path), path);
        }, iter: 3_000);
    }
}
