using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Site;

/// <summary><c>build</c> keeps the output as it is when nothing it is built from changed since the last clean build and
/// the output still holds exactly what that build wrote; anything else builds the site again.</summary>
public sealed class UnchangedBuildTests
{
    private const string Site = SiteFixture.NoReviewCycle + """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        See [a](a.md).
        -- content/a.md --
        ---
        title: A
        description: D
        ---
        Page a.
        """;

    private const string Kept = "info BSG0950: Nothing changed since the last build";

    [Fact]
    public void A_second_build_with_nothing_changed_keeps_the_output_and_says_so()
    {
        using var site = SiteFixture.Create(Site);
        var first = CliRun.Build(site);
        Assert.Equal(0, first.Code);
        Assert.DoesNotContain(Kept, first.Out, StringComparison.Ordinal);
        var before = site.Snapshot();

        var second = CliRun.Build(site);

        Assert.Equal(0, second.Code);
        Assert.Contains(Kept, second.Out, StringComparison.Ordinal);
        Assert.Contains("2 pages, ", second.Out, StringComparison.Ordinal);
        Assert.Equal(before, site.Snapshot());
    }

    [Fact]
    public void An_edit_to_a_page_or_the_theme_builds_again()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
        var edited = CliRun.Build(site);
        Assert.DoesNotContain(Kept, edited.Out, StringComparison.Ordinal);
        Assert.Contains("Page a, edited.", site.ReadOutput("a/index.html"), StringComparison.Ordinal);

        site.Write("themes/default/layouts/page.html", "<main>{{ page.content }}</main>\n");
        var themed = CliRun.Build(site);
        Assert.DoesNotContain(Kept, themed.Out, StringComparison.Ordinal);
        Assert.Equal("<main><p>Page a, edited.</p>\n</main>\n", site.ReadOutput("a/index.html"));
    }

    [Fact]
    public void An_output_changed_by_hand_is_built_again()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var page = site.ReadOutput("a/index.html");
        File.WriteAllText(Path.Combine(site.Root, "output", "a/index.html"), page.Replace("Page a.", "Page x.", StringComparison.Ordinal));
        Assert.DoesNotContain(Kept, CliRun.Build(site).Out, StringComparison.Ordinal);
        Assert.Equal(page, site.ReadOutput("a/index.html"));

        site.Write("output/extra.html", "<p>not built</p>\n");
        Assert.DoesNotContain(Kept, CliRun.Build(site).Out, StringComparison.Ordinal);
        Assert.False(site.OutputExists("extra.html"));
    }

    [Fact]
    public void A_kept_build_prints_again_what_the_build_it_keeps_found()
    {
        using var site = SiteFixture.Create(Site);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\nbogus: 1\n---\nPage a.\n");
        var first = CliRun.Build(site);
        var warning = first.Out.Split('\n').Single(l => l.Contains("warning BSG0205", StringComparison.Ordinal));

        var again = CliRun.Build(site);

        Assert.Contains(Kept, again.Out, StringComparison.Ordinal);
        Assert.Contains(warning, again.Out.Split('\n'));
        Assert.Contains("1 warnings", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_record_in_the_marker_is_said_and_ignored()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var marker = Path.Combine(site.Root, "output", ".backsitegen-output");
        File.WriteAllText(marker, File.ReadAllText(marker).Replace("\nfile ", "\nfiel ", StringComparison.Ordinal));

        var run = CliRun.Build(site);

        Assert.Equal(0, run.Code);
        Assert.Contains("info BSG0951: The record of the last build in this file is damaged", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Kept, run.Out, StringComparison.Ordinal);
        Assert.Contains(Kept, CliRun.Build(site).Out, StringComparison.Ordinal);
    }

    /// <summary>A stamp line that does not read, or stamps a file the record does not list, is damage like any other.</summary>
    [Theory]
    [InlineData("stamp 33188 x 10 1 2 3 4 index.html")]
    [InlineData("stamp 33188 1 10 1 2 3 4 nowhere.html")]
    [InlineData("stamp 33188 1 10 1 2 3")]
    public void A_damaged_stamp_in_the_marker_is_said_and_ignored(string line)
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var marker = Path.Combine(site.Root, "output", ".backsitegen-output");
        File.AppendAllText(marker, line + "\n");

        var run = CliRun.Build(site);

        Assert.Equal(0, run.Code);
        Assert.Contains("info BSG0951: The record of the last build in this file is damaged", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Kept, run.Out, StringComparison.Ordinal);
        Assert.Contains(Kept, CliRun.Build(site).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_asked_for_its_report_builds_again()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var report = Path.Combine(site.Root, "report.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, "output"), "--report", report], stdout, stderr);

        Assert.Equal(0, code);
        Assert.DoesNotContain(Kept, stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"url\": \"/a/\"", File.ReadAllText(report), StringComparison.Ordinal);
    }
}
