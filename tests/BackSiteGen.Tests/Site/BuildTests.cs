using System.Text.RegularExpressions;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Site;

public sealed partial class BuildTests
{
    private const string SmallSite = """
        -- content/site.yml --
        title: Back pain
        base_url: https://example.org/
        # These tests are about URLs and output; review dates are tested in Trust/.
        review: { enabled: false }
        links:
          broken_page: warning
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        ---
        Read about [heat](treatments/heat.md#how-to-use-heat), the [treatments](treatments/index.md),
        the [exercises](/exercises/) and [a missing page](nowhere.md).

        ![A spine](images/spine.svg)
        -- content/treatments/index.md --
        ---
        title: Treatments
        description: What helps.
        order: 1
        ---
        ## Overview
        See [home](../index.md).
        -- content/treatments/heat.md --
        ---
        title: Heat
        description: Warmth.
        ---
        ## How to use heat
        Warm, [not hot](#how-to-use-heat).
        -- content/exercises.md --
        ---
        title: Exercises
        description: Move.
        order: 2
        ---
        Move.
        -- content/images/spine.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
        -- content/_partial-notes.md --
        not a page
        """;

    [Fact]
    public void Template_variables_set_while_rendering_one_page_do_not_reach_the_next()
    {
        // Rendering reuses one template context per thread, so this guards what a fresh context per page gave for free.
        var spec = new System.Text.StringBuilder(SiteFixture.NoReviewCycle);
        spec.Append("""
            -- themes/default/layouts/page.html --
            <html><body>{{ if page.title == "Marker" }}{{ seen = "leaked" }}{{ end }}<p id="seen">[{{ seen }}]</p>{{ page.content }}</body></html>
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            Home.

            """);
        for (var i = 0; i < 40; i++)
        {
            spec.Append($"-- content/p{i:00}.md --\n---\ntitle: {(i == 0 ? "Marker" : $"Page {i}")}\ndescription: D\n---\nBody.\n");
        }

        using var site = SiteFixture.Create(spec.ToString());
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains("[leaked]", site.ReadOutput("p00/index.html"), StringComparison.Ordinal);
        for (var i = 1; i < 40; i++)
        {
            Assert.Contains("<p id=\"seen\">[]</p>", site.ReadOutput($"p{i:00}/index.html"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Builds_pages_site_files_and_copies_other_files()
    {
        using var site = SiteFixture.Create(SmallSite);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Equal(4, result.Pages);
        foreach (var file in new[] { "index.html", "treatments/index.html", "treatments/heat/index.html", "exercises/index.html", "images/spine.svg", "sitemap.xml", "robots.txt", "404.html", ".nojekyll" })
        {
            Assert.True(site.OutputExists(file), file);
        }

        Assert.False(site.OutputExists("_partial-notes/index.html"));
        Assert.False(site.OutputExists("site.yml"));
        Assert.Contains("<loc>https://example.org/treatments/heat/</loc>", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://example.org/sitemap.xml", site.ReadOutput("robots.txt"), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/treatments/heat/\">", site.ReadOutput("treatments/heat/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Md_links_become_page_urls_and_relative_paths_resolve_from_the_source_file()
    {
        using var site = SiteFixture.Create(SmallSite);

        site.Build();
        var home = site.ReadOutput("index.html");

        Assert.Contains("href=\"/treatments/heat/#how-to-use-heat\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/treatments/\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/exercises/\"", home, StringComparison.Ordinal);
        Assert.Contains("src=\"/images/spine.svg\"", home, StringComparison.Ordinal);
        // Kept, not dropped, so the link checker can report it at its line.
        Assert.Contains("href=\"/nowhere.md\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", site.ReadOutput("treatments/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Base_path_prefixes_every_root_relative_url()
    {
        using var site = SiteFixture.Create(SmallSite);

        var result = site.Build(baseUrl: "https://owner.github.io/repo/");

        Assert.True(result.Succeeded);
        foreach (var (path, bytes) in site.Snapshot().Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            foreach (Match m in RootRelativeUrl().Matches(html))
            {
                Assert.True(m.Groups[1].Value.StartsWith("/repo/", StringComparison.Ordinal), $"{path}: {m.Value}");
            }
        }

        Assert.Contains("<loc>https://owner.github.io/repo/treatments/heat/</loc>", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_builds_are_byte_identical()
    {
        using var site = SiteFixture.Create(SmallSite);

        site.Build();
        var first = site.Snapshot();
        site.Build();
        var second = site.Snapshot();

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(second[path]), path);
        }
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_and_a_good_one_removes_stale_files()
    {
        using var site = SiteFixture.Create(SmallSite);
        site.Build();
        var before = site.Snapshot();
        site.Write("output/stale.html", "old");
        site.Write("output/.gitignore", "*\n");
        var withStale = site.Snapshot();

        site.Write("content/broken.md", "---\ntitle: [\n---\n");
        var failed = site.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal(withStale.Keys, site.Snapshot().Keys);
        Assert.False(Directory.EnumerateDirectories(site.Root, ".backsitegen-*").Any());

        File.Delete(Path.Combine(site.Root, "content/broken.md"));
        Assert.True(site.Build().Succeeded);
        Assert.False(site.OutputExists("stale.html"));
        Assert.True(site.OutputExists(".gitignore"));
        Assert.Equal(before.Keys.Append(".gitignore").Order(StringComparer.Ordinal), site.Snapshot().Keys);
    }

    [Fact]
    public void Two_pages_with_one_url_is_an_error_naming_both()
    {
        using var site = SiteFixture.Create("""
            -- content/a.md --
            ---
            title: A
            description: A
            ---
            -- content/a/index.md --
            ---
            title: A again
            description: A
            ---
            -- content/b.md --
            ---
            title: B
            description: B
            permalink: /a/
            ---
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("content/a/index.md(1,1): error BSG0209: 'content/a/index.md' and 'content/a.md' would both be written to 'a/index.html'.", result.Lines());
        Assert.Contains("content/b.md(4,1): error BSG0209: 'content/b.md' and 'content/a.md' would both be written to 'a/index.html'.", result.Lines());
    }

    [Theory]
    [InlineData("content")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("themes")]
    public void Refuses_an_output_folder_that_is_or_contains_the_sources_and_deletes_nothing(string output)
    {
        using var site = SiteFixture.Create("""
            -- content/a.md --
            ---
            title: A
            description: A
            ---
            -- themes/default/layouts/page.html --
            {{ page.content }}
            """);
        var before = site.Snapshot("content");

        var result = site.Build(site.Options(output: output));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors(), l => l.Contains("error BSG0001: Refusing to build into", StringComparison.Ordinal));
        Assert.Equal(before.Keys, site.Snapshot("content").Keys);
    }

    [Fact]
    public void Drafts_and_future_pages_are_left_out_unless_asked_for()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            review: { enabled: false }
            -- content/index.md --
            ---
            title: Home
            description: H
            ---
            -- content/draft.md --
            ---
            title: Draft
            description: D
            draft: true
            ---
            -- content/future.md --
            ---
            title: Future
            description: F
            date: 2027-01-01
            ---
            -- content/now.md --
            ---
            title: Now
            description: N
            date: 2026-01-01
            ---
            """);

        site.Build();
        Assert.False(site.OutputExists("draft/index.html"));
        Assert.False(site.OutputExists("future/index.html"));
        Assert.True(site.OutputExists("now/index.html"));
        Assert.DoesNotContain("draft", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);

        site.Build(drafts: true);
        Assert.True(site.OutputExists("draft/index.html"));
        Assert.True(site.OutputExists("future/index.html"));
    }

    [Fact]
    public void Template_errors_name_the_template_file_and_line()
    {
        using var site = SiteFixture.Create("""
            -- content/a.md --
            ---
            title: A
            description: A
            ---
            -- content/b.md --
            ---
            title: B
            description: B
            layout: fancy
            ---
            -- themes/default/layouts/page.html --
            <p>{{ page.title }}</p>
            {{ include 'partials/broken.html' }}
            -- themes/default/partials/broken.html --
            ok
            {{ for x in }}
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors(), l => l.StartsWith("themes/default/partials/broken.html(2,", StringComparison.Ordinal) && l.Contains("error BSG0401", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_layout_is_reported_at_the_layout_key()
    {
        using var site = SiteFixture.Create("""
            -- content/b.md --
            ---
            title: B
            description: B
            layout: fancy
            ---
            """);

        var result = site.Build();

        Assert.Contains(result.Errors(), l => l.StartsWith("content/b.md(4,1): error BSG0403: The layout 'fancy' does not exist", StringComparison.Ordinal));
    }

    [GeneratedRegex("(?:href|src)=\"(/[^\"]*)\"")]
    private static partial Regex RootRelativeUrl();
}
