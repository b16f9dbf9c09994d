using BackSiteGen.Content;

namespace BackSiteGen.Tests.Content;

public sealed class UrlMapperTests
{
    [Theory]
    [InlineData("index.md", "/", "index.html")]
    [InlineData("foo.md", "/foo/", "foo/index.html")]
    [InlineData("a/index.md", "/a/", "a/index.html")]
    [InlineData("exercises/cat-cow.md", "/exercises/cat-cow/", "exercises/cat-cow/index.html")]
    [InlineData("heat and ice.md", "/heat-and-ice/", "heat-and-ice/index.html")]
    [InlineData("café/crème.md", "/caf%C3%A9/cr%C3%A8me/", "café/crème/index.html")]
    public void Pages_map_to_folder_urls(string source, string url, string output)
    {
        Assert.Equal((url, output), UrlMapper.ForPage(source));
    }

    [Theory]
    [InlineData("/custom/", "/custom/", "custom/index.html")]
    [InlineData("custom/path", "/custom/path/", "custom/path/index.html")]
    [InlineData("/old.html", "/old.html", "old.html")]
    public void Permalinks_inside_the_site_are_kept(string permalink, string url, string output)
    {
        Assert.Equal((url, output), UrlMapper.ForPermalink(permalink));
    }

    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/a/../../b/")]
    [InlineData("%2e%2e/x")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public void Permalinks_that_leave_the_site_are_refused(string permalink)
    {
        Assert.Null(UrlMapper.ForPermalink(permalink));
    }
}
