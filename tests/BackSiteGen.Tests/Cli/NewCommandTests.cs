using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Cli;

public sealed class NewCommandTests
{
    private const string Site = """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        last_reviewed: 2026-01-10
        next_review: 2027-01-10
        ---
        Hello.
        -- content/site.yml --
        title: Test site
        publisher: { name: Test publisher }
        editorial_team: The review board
        review:
          max_interval_years: 2
        """;

    private static (int Code, string Out, string Err) New(SiteFixture site, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] all = ["new", .. args, "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(Repository.Root, "themes", "default")];
        var code = CliApp.Run(all, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("page")]
    [InlineData("exercise")]
    public void A_new_page_is_a_draft_that_stays_out_of_the_site_until_it_is_reviewed(string kind)
    {
        using var site = SiteFixture.Create(Site);

        var (code, output, error) = New(site, kind, "exercises/bridge", "--title", "Bridge: lift your hips", "--description", "Lift your hips to strengthen your back.");

        Assert.True(code == 0, error);
        Assert.Contains("bridge.md as a draft", output, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(site.Root, "content", "exercises", "bridge.md"));
        Assert.Contains("title: \"Bridge: lift your hips\"\n", text, StringComparison.Ordinal);
        Assert.Contains("description: \"Lift your hips to strengthen your back.\"\n", text, StringComparison.Ordinal);
        Assert.Contains("draft: true\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reviewed_by:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("last_reviewed:", text, StringComparison.Ordinal);
        var build = site.Build();
        Assert.True(build.Succeeded, string.Join('\n', build.Lines()));
        Assert.False(site.OutputExists("exercises/bridge/index.html"));
    }

    [Theory]
    [InlineData("page", 9)]
    [InlineData("exercise", 10)]
    public void A_reviewed_new_page_is_stamped_but_cannot_publish_its_placeholders(string kind, int firstTodoLine)
    {
        using var site = SiteFixture.Create(Site);

        var (code, output, error) = New(site, kind, "exercises/bridge", "--title", "Bridge", "--description", "Lift your hips.", "--reviewed-on", "2026-11-20");

        Assert.True(code == 0, error);
        Assert.Contains("replace every 'TODO:'", output, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(site.Root, "content", "exercises", "bridge.md"));
        Assert.Contains("reviewed_by: \"The review board\"\nlast_reviewed: 2026-11-20\nnext_review: 2028-11-20\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("draft:", text, StringComparison.Ordinal);
        var build = site.Build();
        Assert.False(build.Succeeded);
        Assert.Contains(build.Errors(), l => l.StartsWith($"content/exercises/bridge.md({firstTodoLine},1): error BSG0751: 'TODO' marks unfinished text", StringComparison.Ordinal));
        Assert.DoesNotContain(build.Errors(), l => !l.Contains("BSG0751", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reviewer_and_review_date_are_the_writers_to_give()
    {
        using var site = SiteFixture.Create(Site);

        var (code, _, error) = New(site, "page", "heat.md", "--title", "Heat", "--reviewed-by", "Spine clinic review panel");
        var (future, _, futureError) = New(site, "page", "ice.md", "--title", "Ice", "--reviewed-on", "2999-01-01");
        var (badDate, _, badDateError) = New(site, "page", "rest.md", "--title", "Rest", "--reviewed-on", "20 November");

        Assert.True(code == 0, error);
        var text = File.ReadAllText(Path.Combine(site.Root, "content", "heat.md"));
        Assert.Contains($"reviewed_by: \"Spine clinic review panel\"\nlast_reviewed: {DateOnly.FromDateTime(DateTime.Now):yyyy-MM-dd}\n", text, StringComparison.Ordinal);
        Assert.Equal(2, future);
        Assert.Contains("is after today", futureError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Root, "content", "ice.md")));
        Assert.Equal(2, badDate);
        Assert.Contains("is not a date", badDateError, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_description_the_page_says_what_to_write_there()
    {
        using var site = SiteFixture.Create(Site.Replace("review:\n  max_interval_years: 2", string.Empty, StringComparison.Ordinal));

        var (code, _, _) = New(site, "page", Path.Combine(site.Root, "content", "heat.md"), "--title", "Heat", "--reviewed-by", "The review board");

        Assert.Equal(0, code);
        var text = File.ReadAllText(Path.Combine(site.Root, "content", "heat.md"));
        Assert.Contains("description: \"TODO:", text, StringComparison.Ordinal);
        Assert.Contains($"next_review: {DateOnly.FromDateTime(DateTime.Now).AddYears(3):yyyy-MM-dd}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        using var site = SiteFixture.Create(Site);

        var (code, _, error) = New(site, "page", "index.md", "--title", "Replaced");

        Assert.Equal(2, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Contains("title: Home", File.ReadAllText(Path.Combine(site.Root, "content", "index.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.md")]
    [InlineData("/tmp/outside.md")]
    [InlineData("_drafts/hidden.md")]
    public void A_path_outside_the_content_folder_is_refused(string path)
    {
        using var site = SiteFixture.Create(Site);

        var (code, _, error) = New(site, "page", path, "--title", "Outside");

        Assert.Equal(2, code);
        Assert.Contains("not inside the content folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Root, "outside.md")));
    }
}
