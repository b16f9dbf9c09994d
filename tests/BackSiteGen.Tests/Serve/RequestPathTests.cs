using BackSiteGen.Serve;

namespace BackSiteGen.Tests.Serve;

public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/", "/", "")]
    [InlineData("/a/b/", "/", "a/b/")]
    [InlineData("/repo/a/", "/repo/", "a/")]
    [InlineData("/repo", "/repo/", "")]
    [InlineData("/100%.pdf", "/", "100%.pdf")]
    public void Paths_inside_the_site_map_to_keys(string path, string basePath, string key)
    {
        Assert.Equal(new RequestPath.Resolution(RequestPath.Verdict.Ok, key), RequestPath.Resolve(path, basePath));
    }

    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/a/./b")]
    [InlineData("/..%2Fetc/passwd")]
    [InlineData("/%2e%2e/etc/passwd")]
    [InlineData("/a\\..\\b")]
    [InlineData("/a\0")]
    [InlineData("relative")]
    public void Paths_that_climb_or_smuggle_separators_are_refused(string path)
    {
        Assert.Equal(RequestPath.Verdict.Bad, RequestPath.Resolve(path, "/").Verdict);
    }

    [Fact]
    public void Paths_outside_a_project_sites_base_path_are_outside()
    {
        Assert.Equal(RequestPath.Verdict.Outside, RequestPath.Resolve("/other/", "/repo/").Verdict);
    }
}
