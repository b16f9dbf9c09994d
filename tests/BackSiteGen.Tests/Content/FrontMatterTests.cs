using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Content;

public sealed class FrontMatterTests
{
    [Theory]
    [InlineData("---\ntitle: A\ndescription: B\n", "content/a.md(1,1): error BSG0201: ")]
    [InlineData("---\ntitle: A\ndescription: [B\n---\n", "content/a.md(4,1): error BSG0202: ")]
    [InlineData("---\n- a\n- b\n---\n", "content/a.md(2,1): error BSG0203: ")]
    [InlineData("---\ntitle: A\n---\n", "content/a.md(1,1): error BSG0204: The front matter has no 'description'.")]
    [InlineData("---\ntitle: A\ndescription: \"\"\n---\n", "content/a.md(3,1): error BSG0204: 'description' is empty.")]
    [InlineData("---\ntitle: A\ndescription: B\nlast_reviewed: last tuesday\n---\n", "content/a.md(4,16): error BSG0206: 'last_reviewed' must be a date written as YYYY-MM-DD.")]
    [InlineData("---\ntitle: [A, B]\ndescription: B\n---\n", "content/a.md(2,8): error BSG0206: 'title' must be text.")]
    [InlineData("# No front matter\n", "content/a.md(1,1): error BSG0204: The page has no front matter.")]
    [InlineData("\n\n", "content/a.md(1,1): error BSG0208: ")]
    public void Bad_front_matter_is_reported_at_its_line(string page, string expected)
    {
        using var site = SiteFixture.Create($"-- content/a.md --\n{page}");
        site.WriteBytes("content/a.md", System.Text.Encoding.UTF8.GetBytes(page));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors(), line => line.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_key_is_a_warning_with_a_suggestion_at_its_line()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/a.md --
            ---
            title: A
            description: B
            reviewd_by: Editorial team
            last_reviewed: 2026-11-20
            next_review: 2028-11-20
            ---
            Text.
            -- content/index.md --
            ---
            title: Home
            description: H
            ---
            """);

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Contains("content/a.md(4,1): warning BSG0205: Unknown key 'reviewd_by' in the front matter. Did you mean 'reviewed_by'?", result.Lines());
        Assert.False(site.Build(strict: true).Succeeded);
    }

    [Fact]
    public void Byte_order_mark_and_crlf_line_endings_build_and_count_lines_as_editors_do()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle);
        var text = "---\r\ntitle: A\r\ndescription: B\r\nbogus: 1\r\nlast_reviewed: 2026-11-20\r\nnext_review: 2028-11-20\r\n---\r\nBody\r\n";
        site.WriteBytes("content/a.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        site.Write("content/index.md", "---\ntitle: Home\ndescription: H\n---\n");

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Contains(result.Lines(), l => l.StartsWith("content/a.md(4,1): warning BSG0205", StringComparison.Ordinal));
        Assert.Contains("<p>Body</p>", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_offset()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle);
        site.WriteBytes("content/a.md", [.. "---\ntitle: A\n"u8, 0xC3, 0x28, .. "\n"u8]);

        var result = site.Build();

        Assert.Contains(result.Errors(), l => l.StartsWith("content/a.md(3,1): error BSG0207: The file is not valid UTF-8: byte offset 13", StringComparison.Ordinal));
    }
}
