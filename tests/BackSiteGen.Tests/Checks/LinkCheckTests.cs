using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

public sealed class LinkCheckTests
{
    private const string Pages = """
        -- content/site.yml --
        title: Back pain
        base_url: https://example.org/
        # These tests are about links; the trust checks have tests of their own.
        review: { enabled: false }
        readability: { enabled: false }
        -- content/treatments/index.md --
        ---
        title: Treatments
        description: What helps.
        ---
        -- content/treatments/heat.md --
        ---
        title: Heat
        description: Warmth.
        ---
        ## How to use heat
        Warm, [not hot](#how-to-use-heat).
        -- content/treatments/hot and cold.md --
        ---
        title: Hot and cold
        description: Both.
        ---
        ## Which one
        -- content/treatments/café.md --
        ---
        title: Café
        description: Accents.
        ---
        ## Réchauffer
        -- content/treatments/deep/nested/page.md --
        ---
        title: Nested
        description: Deep.
        ---
        ## Section two
        Back [up](../../heat.md#how-to-use-heat) and [home](../../../index.md).
        -- content/images/spine.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
        """;

    private const string BrokenIndex = """
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        ---
        Read about [heat](treatments/heat.md#how-to-use-heat).
        A [missing page](nowhere.md) and a [misspelt one](treatments/haet.md).
        A [missing anchor](#no-such-heading) on this page.
        A [cross-page anchor](treatments/heat.md#how-to-use-heet) that is misspelt.
        ![A missing image](images/missing.png)
        A [root-relative link](/treatments/cold/) to nowhere.
        Raw HTML: <a href="/raw/nowhere/">inline</a>.

        <div class="box">
        <a href="treatments/heat/#nope">a raw block link</a>
        </div>
        """;

    private const string ValidIndex = """
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        ---
        ## Links that work
        [heat](treatments/heat.md#how-to-use-heat), [a query](treatments/heat.md?utm=x#how-to-use-heat),
        [mail](mailto:team@nhs.net), [phone](tel:+441234567890), [another site](https://www.nhs.uk/conditions/back-pain/),
        [nested](treatments/deep/nested/page.md#section-two), [spaces](<treatments/hot and cold.md#which-one>),
        [encoded spaces](treatments/hot%20and%20cold.md), [accents](treatments/café.md#réchauffer),
        [a folder](treatments/), [root-relative](/treatments/heat/), [the links that work](#links-that-work), [the top](#top),
        <a href="/treatments/heat/#how-to-use-heat">raw HTML</a>, <a href="treatments/caf%C3%A9/#r%C3%A9chauffer">raw encoded</a>.

        ![A spine](images/spine.svg)
        """;

    [Fact]
    public void Every_broken_link_fails_the_build_and_is_reported_at_its_markdown_line_and_nothing_else()
    {
        using var site = SiteFixture.Create(Pages + "\n" + BrokenIndex);

        var (code, output) = RunCli(site, "build");

        Assert.Equal(1, code);
        var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(
            [
                "content/index.md(6,3): error BSG0601: The link 'nowhere.md' goes nowhere: there is no page or file at /nowhere.md.",
                "content/index.md(6,36): error BSG0601: The link 'treatments/haet.md' goes nowhere: there is no page or file at /treatments/haet.md; did you mean treatments/heat.md?",
                "content/index.md(7,3): error BSG0602: The link '#no-such-heading' goes to a missing anchor: this page has no id 'no-such-heading'.",
                "content/index.md(8,3): error BSG0602: The link 'treatments/heat.md#how-to-use-heet' goes to a missing anchor: treatments/heat.md has no id 'how-to-use-heet'; did you mean treatments/heat.md#how-to-use-heat?",
                "content/index.md(9,1): error BSG0603: The image 'images/missing.png' is not in the site: there is no page or file at /images/missing.png.",
                "content/index.md(10,3): error BSG0601: The link '/treatments/cold/' goes nowhere: there is no page or file at /treatments/cold/.",
                "content/index.md(11,20): error BSG0601: The link '/raw/nowhere/' goes nowhere: there is no page or file at /raw/nowhere/.",
                "content/index.md(14,10): error BSG0602: The link 'treatments/heat/#nope' goes to a missing anchor: treatments/heat.md has no id 'nope'.",
            ],
            errors);
    }

    /// <summary>A URL that means the same on every page (root-relative, or written in full) is resolved once per check;
    /// each page that writes it broken is still told, at its own line, and one that works on one page works on all.</summary>
    [Fact]
    public void The_same_broken_root_relative_link_on_two_pages_is_reported_on_each()
    {
        using var site = SiteFixture.Create(Pages + """

            -- content/index.md --
            ---
            title: Home
            description: Start here.
            ---
            A [root-relative link](/treatments/cold/) to nowhere, and [one that works](/treatments/heat/#how-to-use-heat).
            -- content/treatments/cold.md --
            ---
            title: Cold
            description: Ice.
            ---
            Intro.

            Also [root-relative](/treatments/cold/) and [absolute](https://example.org/treatments/colder/), and [heat](/treatments/heat/#how-to-use-heat).
            -- content/treatments/cool.md --
            ---
            title: Cool
            description: Ice.
            ---
            Also [absolute](https://example.org/treatments/colder/) and [a misspelt anchor](/treatments/heat/#how-to-use-heet).
            """.Replace("/treatments/cold/) to nowhere", "/treatments/colder/) to nowhere", StringComparison.Ordinal));

        var (code, output) = RunCli(site, "build");

        Assert.Equal(1, code);
        var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf(": error ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["content/index.md(5,3)", "content/treatments/cold.md(7,45)", "content/treatments/cool.md(5,6)", "content/treatments/cool.md(5,61)"], errors);
    }

    [Fact]
    public void All_valid_forms_pass()
    {
        using var site = SiteFixture.Create(Pages + "\n" + ValidIndex);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Empty(result.Lines());
    }

    [Fact]
    public void Duplicate_ids_are_errors_reported_where_the_writer_made_them()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: H
            ---
            ## Main
            <p id="twice">one</p>

            <p id="twice">two</p>
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        var errors = result.Errors();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("content/index.md: error BSG0604: The id 'main' is used twice on this page (first at line ", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("output/", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("content/index.md(8,4): error BSG0604: The id 'twice' is used twice on this page", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Links_must_stay_inside_the_base_path()
    {
        using var site = SiteFixture.Create(Pages + """

            -- content/index.md --
            ---
            title: Home
            description: H
            ---
            Fine: [heat](treatments/heat.md), <a href="/sub/treatments/heat/">raw with base</a>, [absolute](https://example.org/sub/treatments/).
            Broken: <a href="/treatments/heat/">raw without base</a>.
            """);

        var result = site.Build(baseUrl: "https://example.org/sub/");

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "content/index.md(6,18): error BSG0605: The link '/treatments/heat/' leaves the site's base path /sub/: it goes to /treatments/heat/; did you mean /sub/treatments/heat/?",
            ],
            result.Errors());
    }

    [Fact]
    public void Severity_of_each_check_comes_from_site_yml()
    {
        using var site = SiteFixture.Create(Pages + "\n" + BrokenIndex.Replace("-- content/index.md --", """
            -- content/site.yml --
            title: Back pain
            links:
              broken_page: off
              broken_anchor: warning
              missing_resource: warning
              brokn_anchor: error
              duplicate_id: maybe
            review: { enabled: false }
            -- content/index.md --
            """, StringComparison.Ordinal));

        var result = site.Build();

        Assert.DoesNotContain(result.Lines(), l => l.Contains("BSG0601", StringComparison.Ordinal));
        Assert.Contains(result.Lines(), l => l.StartsWith("content/index.md(7,3): warning BSG0602", StringComparison.Ordinal));
        Assert.Contains(result.Lines(), l => l.StartsWith("content/index.md(9,1): warning BSG0603", StringComparison.Ordinal));
        Assert.Contains("content/site.yml(6,3): warning BSG0102: Unknown key 'brokn_anchor' in links. Did you mean 'broken_anchor'?", result.Lines());
        Assert.Contains("content/site.yml(7,17): error BSG0103: 'links.duplicate_id' must be error, warning or off.", result.Lines());
    }

    [Fact]
    public void Loading_anything_from_another_origin_is_an_error_but_linking_to_it_is_not()
    {
        // Scripts in content are refused on their own (BSG0302); allowed here, so only the privacy check speaks.
        using var site = SiteFixture.Create("-- content/site.yml --\nreview: { enabled: false }\nsecurity: { allow_scripts: true }\n" + """
            -- content/index.md --
            ---
            title: Home
            description: H
            ---
            A [link to another site](https://www.nhs.uk/) is fine.
            ![A tracked image](https://images.example.com/a.png)
            <script src="https://cdn.example.com/x.js"></script>
            -- content/fonts.css --
            @import url("https://fonts.googleapis.com/css2?family=Inter");
            body { background: url(images/missing.png); }
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "content/fonts.css(1,14): error BSG0606: The page loads a stylesheet from another origin (fonts.googleapis.com): 'https://fonts.googleapis.com/css2?family=Inter'. That server learns who reads the page; serve the file from the site instead.",
                "content/fonts.css(2,24): error BSG0603: The image 'images/missing.png' is not in the site: there is no page or file at /images/missing.png.",
                "content/index.md(6,1): error BSG0606: The page loads an image from another origin (images.example.com): 'https://images.example.com/a.png'. That server learns who reads the page; serve the file from the site instead.",
                "content/index.md(7,14): error BSG0606: The page loads a script from another origin (cdn.example.com): 'https://cdn.example.com/x.js'. That server learns who reads the page; serve the file from the site instead.",
            ],
            result.Errors());
    }

    [Fact]
    public void A_broken_link_made_by_a_template_names_the_layout_once_for_all_pages()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: H
            ---
            Hello.
            -- content/b.md --
            ---
            title: B
            description: B
            ---
            -- content/c.md --
            ---
            title: C
            description: C
            ---
            -- themes/default/layouts/page.html --
            <!doctype html>
            <title>{{ page.title }}</title>
            <a href="/about/">About</a>
            {{ page.content }}
            """);

        var result = site.Build();

        Assert.Equal(["themes/default/layouts/page.html(3,4): error BSG0601: The link '/about/' goes nowhere: there is no page or file at /about/. (on content/b.md; and on 2 other pages)"], result.Errors());
    }

    private static (int Code, string Output) RunCli(SiteFixture site, string command)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var previous = Environment.CurrentDirectory;
        var code = CliApp.Run([command, "--content", Path.Combine(site.Root, "content"), "--theme", site.ThemeDir, "--output", Path.Combine(site.Root, "output")], stdout, stderr);
        var text = stdout.ToString().Replace(site.Root.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal);
        return (code, text);
    }
}
