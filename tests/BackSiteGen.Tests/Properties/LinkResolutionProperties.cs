using BackSiteGen.Content;
using BackSiteGen.Markdown.Links;
using CsCheck;

namespace BackSiteGen.Tests.Properties;

public sealed class LinkResolutionProperties
{
    private static readonly SiteIndex Site = new([], new Dictionary<string, string>(StringComparer.Ordinal), "/base/");

    private static readonly Gen<string> Url = Gen.Select(
        Gen.OneOf<string>("", "/", "./", "../", "/../"),
        Generators.RelativePath,
        Gen.OneOf<string>("", "#top", "?q=1", "/", "#a/../../b"),
        (prefix, path, suffix) => prefix + path + suffix);

    [Fact]
    public void No_internal_link_resolves_outside_the_site()
    {
        Gen.Select(Generators.RelativePath, Url).Sample((source, url) =>
        {
            var rewritten = LinkRewriter.Rewrite(url, source + ".md", Site);
            if (rewritten is null || url.Length == 0 || LinkRewriter.IsExternal(url) || url.StartsWith('#'))
            {
                return;
            }

            Assert.True(rewritten.StartsWith("/base/", StringComparison.Ordinal), $"'{url}' from '{source}.md' became '{rewritten}'");
            var cut = rewritten.IndexOfAny(['?', '#']);
            var path = Uri.UnescapeDataString(cut < 0 ? rewritten : rewritten[..cut]);
            Assert.DoesNotContain("..", path.Split('/'));
            Assert.Equal(rewritten, LinkRewriter.Rewrite(url, source + ".md", Site));
        }, iter: 3_000);
    }
}
