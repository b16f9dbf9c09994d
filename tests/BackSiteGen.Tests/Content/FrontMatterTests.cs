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
    [InlineData("", "content/a.md(1,1): error BSG0208: ")]
    [InlineData("\uFEFF", "content/a.md(1,1): error BSG0208: ")]
    [InlineData("---\ntitle: A\ntitle: B\ndescription: C\n---\n", "content/a.md(3,1): error BSG0202: Invalid YAML: Duplicate key title")]
    [InlineData("---\ntitle: A\ndescription: B\norder: x\n---\n", "content/a.md(4,8): error BSG0206: 'order' must be a whole number.")]
    [InlineData("---\ntitle: A\ndescription: B\norder:   \"x\"\n---\n", "content/a.md(4,10): error BSG0206: 'order' must be a whole number.")]
    [InlineData("---\r\ntitle: A\r\ndescription: B\r\norder: x\r\n---\r\n", "content/a.md(4,8): error BSG0206: 'order' must be a whole number.")]
    [InlineData("---\n# A comment\ntitle: A\ndescription: B\norder: x # why\n---\n", "content/a.md(5,8): error BSG0206: 'order' must be a whole number.")]
    [InlineData("---\ntitle: A\ndescription: B\ndraft: maybe\n---\n", "content/a.md(4,8): error BSG0206: 'draft' must be true or false.")]
    [InlineData("---\ntitle: !!binary QQ==\ndescription: B\n---\n", "content/a.md(2,8): error BSG0202: The YAML tag 'tag:yaml.org,2002:binary' is not supported")]
    [InlineData("---\ntitle: *a\ndescription: B\n---\n", "content/a.md(2,8): error BSG0202: The alias '*a' refers to an anchor that is not defined")]
    [InlineData("---\ntitle: \"A\ndescription: B\n---\n", "content/a.md(2,8): error BSG0202: Invalid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation.")]
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
    public void Fences_with_trailing_spaces_close_the_front_matter_and_a_later_dashed_line_stays_in_the_body()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle);
        site.Write("content/a.md", "--- \ntitle: A\ndescription: B\nbogus: 1\nlast_reviewed: 2026-11-20\nnext_review: 2028-11-20\n---\t \nBefore\n\n---\n\nAfter\n");
        site.Write("content/index.md", "---\ntitle: Home\ndescription: H\n---\n");

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Contains(result.Lines(), l => l.StartsWith("content/a.md(4,1): warning BSG0205", StringComparison.Ordinal));
        var html = site.ReadOutput("a/index.html");
        Assert.Contains("<p>Before</p>\n<hr />\n<p>After</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_after_a_byte_order_mark_and_crlf_front_matter_count_from_the_file()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle);
        var text = "---\r\ntitle: A\r\ndescription: B\r\n\r\norder: \"x\"\r\n---\r\nBody\r\n";
        site.WriteBytes("content/a.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);

        var result = site.Build();

        Assert.Contains("content/a.md(5,8): error BSG0206: 'order' must be a whole number.", result.Errors());
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
