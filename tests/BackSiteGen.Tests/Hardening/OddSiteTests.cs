using System.Text;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Odd but valid sites: each builds, and what is odd about it reaches the reader intact.</summary>
public sealed class OddSiteTests
{
    private const string Theme = """
        -- themes/default/layouts/page.html --
        <main>{{ page.content }}</main>
        """;

    private static string Page(string title, string body = "Text.") => $"---\ntitle: {title}\ndescription: D\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\n{body}\n";

    [Fact]
    public void Byte_order_marks_and_crlf_in_pages_and_site_yml_build()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme);
        site.WriteBytes("content/site.yml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("title: \"BOM\"\r\nbase_url: https://example.org/\r\n" + SiteFixture.TrustData.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        site.WriteBytes("content/index.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: Home\r\ndescription: D\r\nlast_reviewed: 2026-01-10\r\nnext_review: 2028-01-10\r\n---\r\nLine one\r\n\r\n- item\r\n")]);

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Contains("<li>item</li>", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void File_names_with_spaces_and_accents_get_safe_urls_that_links_reach()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme + "\n-- content/index.md --\n" + Page("Home", """
            [a](my%20page.md) [b](<my page.md>) [c](café.md) [d](caf%C3%A9.md) [e](sub%20dir/naïve%20file.md)
            """));
        site.Write("content/my page.md", Page("Mine"));
        site.Write("content/café.md", Page("Café"));
        site.Write("content/sub dir/naïve file.md", Page("Naive"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.True(site.OutputExists("my-page/index.html"));
        Assert.True(site.OutputExists("café/index.html"));
        Assert.True(site.OutputExists("sub-dir/naïve-file/index.html"));
        var home = site.ReadOutput("index.html");
        Assert.Equal(2, CountOf(home, "href=\"/my-page/\""));
        Assert.Equal(2, CountOf(home, "href=\"/caf%C3%A9/\""));
        Assert.Contains("href=\"/sub-dir/na%C3%AFve-file/\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_several_megabytes_builds()
    {
        var paragraph = "A paragraph about **back pain** with a [link](#top) and `code`.\n\n";
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme);
        site.Write("content/big.md", Page("Big", string.Concat(Enumerable.Repeat(paragraph, 32_000))));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        var html = site.ReadOutput("big/index.html");
        Assert.True(html.Length > 3_000_000, $"{html.Length} characters");
        Assert.EndsWith("<code>code</code>.</p>\n</main>", html.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_block_quotes_nested_within_the_limit_build()
    {
        var list = string.Concat(Enumerable.Range(0, 30).Select(i => new string(' ', 2 * i) + "- level\n"));
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme);
        site.Write("content/deep.md", Page("Deep", list + "\n" + new string('>', 30) + " quoted\n"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Equal(30, CountOf(site.ReadOutput("deep/index.html"), "<blockquote>"));
    }

    [Fact]
    public void A_symbolic_link_loop_is_skipped_with_a_warning()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme + "\n-- content/a/page.md --\n" + Page("A"));
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "content/a/loop"), Path.Combine(site.Root, "content/a"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Matches(@"content/a/loop: warning BSG0212: Skipped", run.Out);
        Assert.True(site.OutputExists("a/page/index.html"));
    }

    [Fact]
    public void Names_differing_only_in_case_build_with_a_warning()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme + "\n-- content/notes.md --\n" + Page("Lower") + "\n-- content/Notes.md --\n" + Page("Upper"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Matches(@"content/notes\.md: warning BSG0211: .* differ only in letter case", run.Out);
    }

    [Fact]
    public void Anchors_aliases_and_plain_tags_in_front_matter_build()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme + "\n-- content/a.md --\n---\ntitle: &t Same\ndescription: *t\nauthor: !!str 42\n---\nText.\n");

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
    }

    [Fact]
    public void A_folder_named_like_a_page_is_a_folder()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme + "\n-- content/x.md/index.md --\n" + Page("Inside"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.True(site.OutputExists("x.md/index.html"));
    }

    [Fact]
    public void Harmless_raw_html_builds_and_site_yml_can_allow_scripts_and_iframes()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Theme + "\n-- content/a.md --\n" + Page("A", """
            <div class="note" title="javascript: a language">Note <b>bold</b> <a href="https://health.example.net/">ok</a></div>

            `<script>` in code is text, and so is this:

                <script>alert(1)</script>
            """));
        Assert.True(CliRun.Build(site).Code == 0);

        site.Write("content/b.md", Page("B", "<script>track()</script>\n\n<iframe src=\"https://video.example.net/\"></iframe>\n\n<a onclick=\"x()\" href=\"javascript:void(0)\">x</a>\n"));
        Assert.Equal(1, CliRun.Build(site).Code);

        // The privacy check would still refuse a frame from another origin; this test is about the raw-HTML policy.
        site.Write("content/site.yml", "security:\n  allow_scripts: true\n  allow_iframes: true\nlinks:\n  third_party_resource: off\n" + SiteFixture.TrustData);
        var run = CliRun.Build(site);
        Assert.True(run.Code == 0, run.All);
        Assert.Contains("<script>track()</script>", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var (count, i) = (0, 0);
        while ((i = text.IndexOf(part, i, StringComparison.Ordinal)) >= 0)
        {
            count++;
            i += part.Length;
        }

        return count;
    }
}
