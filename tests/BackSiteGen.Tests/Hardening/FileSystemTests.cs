using BackSiteGen.Diagnostics;
using BackSiteGen.Output;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>The build writes only inside its output folder, never empties a folder it must not, and turns every
/// disk problem into a message. Tests run as root in CI, where chmod does not stop writes, so unwritable places
/// are made with paths no user can write: a file where a folder is expected, and /proc.</summary>
public sealed class FileSystemTests
{
    private const string Site = """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Hello.
        -- themes/default/layouts/page.html --
        {{ page.content }}
        """;

    [Fact]
    public void An_output_folder_that_is_a_symbolic_link_to_the_content_is_refused()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "output"), Path.Combine(site.Root, "content"));
        var before = site.Snapshot("content");

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Matches(@"output: error BSG0001: Refusing to build into .*symbolic link .*content", run.Out);
        Assert.Equal(before, site.Snapshot("content"));
    }

    [Fact]
    public void An_output_folder_inside_a_symbolic_link_to_the_theme_is_refused()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "link"), Path.Combine(site.Root, "themes"));

        var run = CliRun.Build(site, output: "link/default");

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0001", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Root, "themes/default/layouts/page.html")));
    }

    [Fact]
    public void The_repository_root_given_as_an_absolute_path_is_refused()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        Directory.CreateDirectory(Path.Combine(site.Root, ".git"));
        File.WriteAllText(Path.Combine(site.Root, ".git", "HEAD"), "ref: refs/heads/main\n");

        using var stdout = new StringWriter();
        var code = BackSiteGen.Cli.CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, "themes/default"), "--output", site.Root + "/"], stdout, TextWriter.Null);

        Assert.Equal(1, code);
        Assert.Contains("error BSG0001", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site.Root, ".git", "HEAD")));
    }

    [Fact]
    public void A_build_refuses_an_output_folder_another_build_holds()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        var diagnostics = new DiagnosticBag();
        using (var held = OutputFolder.Open(Path.Combine(site.Root, "output"), "output", site.Root, [], diagnostics))
        {
            Assert.NotNull(held);

            var run = CliRun.Build(site);

            Assert.Equal(1, run.Code);
            Assert.Contains("error BSG0004: Another build is writing into this output folder", run.Out, StringComparison.Ordinal);
            Assert.False(run.HasStackTrace, run.All);
        }

        Assert.Equal(0, CliRun.Build(site).Code);
    }

    [Fact]
    public async Task Two_builds_at_once_into_one_output_each_succeed_or_are_refused_and_the_output_is_whole()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => CliRun.Build(site))));

        Assert.Contains(runs, r => r.Code == 0);
        Assert.All(runs, r => Assert.True(r.Code == 0 || r.Out.Contains("error BSG0004", StringComparison.Ordinal), r.All));
        Assert.Contains("Hello.", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    [Theory]
    [InlineData("a-file/output")]
    [InlineData("/proc/bsg-output")]
    public void An_output_folder_that_cannot_be_written_is_a_clear_error(string output)
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        site.Write("a-file", "not a folder");

        var run = CliRun.Build(site, output: output);

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0003: Cannot write beside the output folder", run.Out, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.All);
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_previous_output_and_no_staging_folder()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var before = site.Snapshot();

        // A static file that cannot be read fails the copy into the staging folder, after pages were written there
        // (a link to nothing inside the content folder: a link out of it is refused before anything is written).
        File.CreateSymbolicLink(Path.Combine(site.Root, "content", "gone.png"), "bsg-gone.png");
        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0003", run.Out, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.All);
        Assert.Equal(before, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }
}
