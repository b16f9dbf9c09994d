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
    public void A_new_page_has_complete_front_matter_and_builds_cleanly(string kind)
    {
        using var site = SiteFixture.Create(Site);

        var (code, output, error) = New(site, kind, "exercises/bridge", "--title", "Bridge: lift your hips", "--description", "Lift your hips to strengthen your back.");

        Assert.True(code == 0, error);
        Assert.Contains("bridge.md", output, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(site.Root, "content", "exercises", "bridge.md"));
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Contains("title: \"Bridge: lift your hips\"\n", text, StringComparison.Ordinal);
        Assert.Contains("description: \"Lift your hips to strengthen your back.\"\n", text, StringComparison.Ordinal);
        Assert.Contains("reviewed_by: \"The review board\"\n", text, StringComparison.Ordinal);
        Assert.Contains($"last_reviewed: {today:yyyy-MM-dd}\n", text, StringComparison.Ordinal);
        Assert.Contains($"next_review: {today.AddYears(2):yyyy-MM-dd}\n", text, StringComparison.Ordinal);
        // `new` dates the review today by the real clock, so the build must judge it on the same day.
        var build = site.Build(site.Options() with { BuildDate = today });
        Assert.True(build.Succeeded, string.Join('\n', build.Lines()));
        Assert.Empty(build.Lines());
        Assert.Contains("Bridge: lift your hips", site.ReadOutput("exercises/bridge/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_description_the_page_says_what_to_write_there()
    {
        using var site = SiteFixture.Create(Site.Replace("review:\n  max_interval_years: 2", string.Empty, StringComparison.Ordinal));

        var (code, output, _) = New(site, "page", Path.Combine(site.Root, "content", "heat.md"), "--title", "Heat");

        Assert.Equal(0, code);
        Assert.Contains("write its description", output, StringComparison.Ordinal);
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
