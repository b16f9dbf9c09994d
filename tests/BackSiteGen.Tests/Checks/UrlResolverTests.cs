using BackSiteGen.Checks;

namespace BackSiteGen.Tests.Checks;

/// <summary>The WHATWG URL standard's rules that decide where a link goes, one case each.</summary>
public sealed class UrlResolverTests
{
    private static readonly Uri Site = new("https://xn--bcher-kva.example/");

    [Theory]
    // IDNA: the host written in Unicode (any case) is the site's own punycode host.
    [InlineData("https://BÜCHER.example/a/", "Internal a/")]
    // Any number of slashes before the host.
    [InlineData("https:////bücher.example/a/", "Internal a/")]
    // Slashes after the host are path segments, empty ones included, as the browser requests them.
    [InlineData("https://bücher.example//a/", "Internal /a/")]
    [InlineData("\\\\other.example\\x", "External other.example")]
    // Same scheme without slashes is a relative URL.
    [InlineData("https:page.html", "Internal docs/page.html")]
    [InlineData("..\\index.html", "Internal index.html")]
    [InlineData(" \n docs/a\tb.html \n", "Internal docs/docs/ab.html")]
    [InlineData("https://", "Invalid there is no host after the slashes")]
    [InlineData("mailto:x@example.org", "Ignored ")]
    [InlineData("/elsewhere/", "Internal elsewhere/")]
    public void Resolves_as_a_browser_does(string url, string expected)
    {
        var resolved = UrlResolver.Resolve(url, "docs/index.html", "/", Site);

        var what = resolved.Kind switch
        {
            UrlKind.External => resolved.External!.IdnHost,
            _ => resolved.Path,
        };
        Assert.Equal(expected, $"{resolved.Kind} {what}");
    }

    [Fact]
    public void A_backslash_in_the_query_or_fragment_stays_a_backslash()
    {
        var resolved = UrlResolver.Resolve("a.html?x=\\y#p\\q", "index.html", "/", Site);

        Assert.Equal((UrlKind.Internal, "a.html", "p\\q"), (resolved.Kind, resolved.Path, resolved.Fragment));
    }

    /// <summary>The URLs the link check resolves once for every page are exactly those whose resolution the page cannot
    /// change: what each resolves to from two pages at different depths is the same.</summary>
    [Theory]
    [InlineData("/treatments/heat/", true)]
    [InlineData("/", true)]
    [InlineData("/a/#b", true)]
    [InlineData("https://example.org/a/", true)]
    [InlineData("HTTP://example.org/a/", true)]
    [InlineData("https://doi.org/10.1000/x", true)]
    [InlineData("//example.org/a/", false)]
    [InlineData("https:a/", false)]
    [InlineData("a/", false)]
    [InlineData("../a/", false)]
    [InlineData("#top", false)]
    [InlineData("", false)]
    [InlineData("/a\\b/", false)]
    [InlineData(" /a/", false)]
    [InlineData("/a/ ", false)]
    public void Urls_resolved_once_for_every_page_resolve_the_same_from_any_page(string url, bool independent)
    {
        Assert.Equal(independent, SiteLinkChecker.IsPageIndependent(url));
        if (independent)
        {
            Assert.Equal(UrlResolver.Resolve(url, "index.html", "/", Site), UrlResolver.Resolve(url, "a/b/c/index.html", "/", Site));
            Assert.Equal(UrlResolver.Resolve(url, "index.html", "/repo/", Site), UrlResolver.Resolve(url, "x/index.html", "/repo/", Site));
        }
    }
}
