using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

/// <summary>A project site published below its organisation's site: <c>https://owner.github.io/repo/</c>.</summary>
public sealed class BasePathTests
{
    private static string Site(string links = "") => $"""
        -- content/site.yml --
        title: Back pain
        base_url: https://owner.github.io/repo/
        review: {"{"} enabled: false {"}"}
        readability: {"{"} enabled: false {"}"}
        {links}
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        ---
        Made by [the organisation](https://owner.github.io/) and [its other project](https://owner.github.io/other/#top).
        Read [the about page](about.md), <a href="https://owner.github.io/repo/about/">in full</a>.
        -- content/about.md --
        ---
        title: About
        description: Who.
        ---
        About us.
        """;

    [Fact]
    public void Absolute_links_to_the_same_origin_outside_the_base_path_are_other_sites()
    {
        using var site = SiteFixture.Create(Site());

        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
    }

    [Fact]
    public void A_site_can_make_them_errors_and_the_advice_names_only_pages_that_exist()
    {
        using var site = SiteFixture.Create(Site("links:\n  same_origin_outside_base: error"));

        var result = site.Build();

        Assert.Equal(
            [
                "content/index.md(5,9): error BSG0605: The link 'https://owner.github.io/' leaves the site's base path /repo/: it goes to /; did you mean /repo/?",
                "content/index.md(5,58): error BSG0605: The link 'https://owner.github.io/other/#top' leaves the site's base path /repo/: it goes to /other/, where the site has nothing.",
            ],
            result.Errors());
    }

    [Fact]
    public void Root_relative_links_outside_the_base_path_stay_errors()
    {
        using var site = SiteFixture.Create(Site() + "\n<a href=\"/about/\">root-relative</a> <a href=\"/elsewhere/\">nothing there</a>");

        var result = site.Build();

        Assert.Equal(
            [
                "content/about.md(6,10): error BSG0605: The link '/about/' leaves the site's base path /repo/: it goes to /about/; did you mean /repo/about/?",
                "content/about.md(6,46): error BSG0605: The link '/elsewhere/' leaves the site's base path /repo/: it goes to /elsewhere/, where the site has nothing.",
            ],
            result.Errors());
    }

    [Fact]
    public void Wrong_values_of_the_new_options_are_reported_at_their_line()
    {
        using var site = SiteFixture.Create(Site("links:\n  same_origin_outside_base: allow\n  extensionless: yes"));

        var result = site.Build();

        Assert.Equal(
            [
                "content/site.yml(6,29): error BSG0103: 'links.same_origin_outside_base' must be external or error.",
                "content/site.yml(7,18): error BSG0103: 'links.extensionless' must be off or html.",
            ],
            result.Errors());
    }
}
