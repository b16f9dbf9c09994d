using System.Diagnostics;
using BackSiteGen.Diagnostics;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>Attacks on what the build reads: symbolic links out of the content and theme folders, named pipes and
/// devices, editor litter and names that forge printed lines. Each is refused at the entry, and no byte of a secret
/// reaches the output. Builds that could hang run with a time limit, so a regression fails instead of hanging.</summary>
public sealed class InputGateTests
{
    private const string Secret = "TOP-SECRET-7f3a";

    private const string Site = """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Hello.
        -- themes/default/layouts/page.html --
        <main>{{ page.content }}</main>
        """;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static SiteFixture SiteWithSecret()
    {
        var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        site.Write("elsewhere/secret.txt", Secret + "\n");
        site.Write("elsewhere/secret.md", "---\ntitle: " + Secret + "\ndescription: D\n---\n" + Secret + "\n");
        return site;
    }

    private static void AssertNoSecretAnywhere(SiteFixture site, CliRun run)
    {
        Assert.DoesNotContain(Secret, run.All, StringComparison.Ordinal);
        foreach (var (path, bytes) in site.Snapshot())
        {
            Assert.False(System.Text.Encoding.UTF8.GetString(bytes).Contains(Secret, StringComparison.Ordinal), path);
        }
    }

    private static async Task<CliRun> BuildWithin(SiteFixture site) => await Task.Run(() => CliRun.Build(site)).WaitAsync(Limit);

    [Theory]
    [InlineData("content/x.txt", "elsewhere/secret.txt")]
    [InlineData("content/notes.md", "elsewhere/secret.md")]
    [InlineData("content/folder", "elsewhere")]
    [InlineData("content/sub/deeper.txt", "elsewhere/secret.txt")]
    [InlineData("themes/default/assets/x.txt", "elsewhere/secret.txt")]
    [InlineData("themes/default/assets/css", "elsewhere")]
    [InlineData("themes/default/partials/footer.html", "elsewhere/secret.txt")]
    [InlineData("content/site.yml", "elsewhere/secret.txt")]
    [InlineData("content/glossary.yml", "elsewhere/secret.txt")]
    [InlineData("content/references.yaml", "elsewhere/secret.txt")]
    public void A_symbolic_link_out_of_its_root_is_an_error_at_the_link_and_nothing_of_it_is_published(string link, string target)
    {
        using var site = SiteWithSecret();
        var full = Path.Combine(site.Root, link);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        File.CreateSymbolicLink(full, Path.Combine(site.Root, target));

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{Path.Combine(site.Root, link)}: error BSG0006: This", run.Out.Replace(": error BSG0006: This leads", ": error BSG0006: This", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "output")));
        AssertNoSecretAnywhere(site, run);
    }

    [Fact]
    public void A_link_to_a_folder_whose_name_only_starts_like_the_content_folder_is_outside_it()
    {
        using var site = SiteWithSecret();
        site.Write("content2/secret.txt", Secret);
        File.CreateSymbolicLink(Path.Combine(site.Root, "content/x.txt"), Path.Combine(site.Root, "content2/secret.txt"));

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0006", run.Out, StringComparison.Ordinal);
        AssertNoSecretAnywhere(site, run);
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_without_reading_it()
    {
        using var site = SiteWithSecret();
        File.CreateSymbolicLink(Path.Combine(site.Root, "content/zero.png"), "/dev/zero");

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("zero.png: error BSG0006", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_stays_inside_the_content_folder_is_followed()
    {
        using var site = SiteWithSecret();
        site.Write("content/files/real.txt", "public\n");
        File.CreateSymbolicLink(Path.Combine(site.Root, "content/alias.txt"), Path.Combine(site.Root, "content/files/real.txt"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Equal("public\n", site.ReadOutput("alias.txt"));
    }

    [Theory]
    [InlineData("content/x.md")]
    [InlineData("content/glossary.yml")]
    [InlineData("content/site.yml")]
    [InlineData("content/pic.png")]
    [InlineData("content/x.html")]
    [InlineData("themes/default/assets/site.css")]
    [InlineData("themes/default/partials/p.html")]
    public async Task A_named_pipe_is_refused_without_opening_it(string fifo)
    {
        using var site = SiteWithSecret();
        MakeFifo(Path.Combine(site.Root, fifo));

        var run = await BuildWithin(site);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{Path.Combine(site.Root, fifo)}: error BSG0007: Refused: it is a named pipe (FIFO), not a regular file; it was not opened.", run.Out, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.All);
    }

    [Fact]
    public async Task A_page_whose_image_is_a_named_pipe_does_not_hang()
    {
        using var site = SiteWithSecret();
        site.Write("content/index.md", "---\ntitle: Home\ndescription: D\n---\n![a pipe](pic.png)\n");
        MakeFifo(Path.Combine(site.Root, "content/pic.png"));

        var run = await BuildWithin(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("pic.png: error BSG0007", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_of_a_folder_with_a_named_pipe_does_not_hang()
    {
        using var site = SiteWithSecret();
        site.Write("public/index.html", "<!doctype html><html lang=en><title>t</title><p>x</p></html>\n");
        MakeFifo(Path.Combine(site.Root, "public/x.html"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Task.Run(() => BackSiteGen.Cli.CliApp.Run(["check", "--site", Path.Combine(site.Root, "public")], stdout, stderr)).WaitAsync(Limit);

        Assert.Equal(1, code);
        Assert.Contains("x.html: error BSG0007", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index.md~")]
    [InlineData("#index.md#")]
    [InlineData(".#index.md")]
    [InlineData(".DS_Store")]
    [InlineData("Thumbs.db")]
    [InlineData("notes.swp")]
    [InlineData("sub/photo.png~")]
    public void Editor_backups_and_os_litter_are_never_published(string junk)
    {
        using var site = SiteWithSecret();
        site.Write("content/" + junk, "---\ntitle: Backup\ndescription: D\n---\n" + Secret + "\n");

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        AssertNoSecretAnywhere(site, run);
    }

    [Fact]
    public void A_gitignore_in_the_output_that_is_a_link_is_not_carried_over()
    {
        using var site = SiteWithSecret();
        Assert.Equal(0, CliRun.Build(site).Code);
        File.CreateSymbolicLink(Path.Combine(site.Root, "output/.gitignore"), Path.Combine(site.Root, "elsewhere/secret.txt"));

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.False(File.Exists(Path.Combine(site.Root, "output/.gitignore")));
        AssertNoSecretAnywhere(site, run);
    }

    [Theory]
    [InlineData("../default-other/secret.css")]
    [InlineData("../../elsewhere/secret.txt")]
    [InlineData("assets/link.css")]
    public void Asset_text_reads_only_regular_files_inside_the_theme(string asset)
    {
        using var site = SiteWithSecret();
        site.Write("themes/default-other/secret.css", Secret);
        site.Write("themes/default/layouts/page.html", "<main>{{ asset_text \"" + asset + "\" }}</main>");
        Directory.CreateDirectory(Path.Combine(site.Root, "themes/default/elsewhere-link"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "themes/default/elsewhere-link/link.css"), Path.Combine(site.Root, "elsewhere/secret.txt"));
        if (asset == "assets/link.css")
        {
            // Admitted as a file of the theme's own folder layout but leading outside: the template asks for it directly.
            site.Write("themes/default/layouts/page.html", "<main>{{ asset_text \"elsewhere-link/link.css\" }}</main>");
        }

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("The theme has no asset", run.Out, StringComparison.Ordinal);
        AssertNoSecretAnywhere(site, run);
    }

    [Fact]
    public void A_file_name_with_a_line_break_cannot_forge_a_workflow_command()
    {
        using var site = SiteWithSecret();
        site.Write("content/a\n::error file=x::forged.md", "---\ntitle: T\ndescription: D\n---\nText.\n");

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0008: The name 'a\\u000A::error file=x::forged.md' has a control character", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(run.All.Split('\n'), line => line.StartsWith("::error file=x", StringComparison.Ordinal));
    }

    [Fact]
    public void A_front_matter_value_with_a_line_break_cannot_forge_a_line_of_the_report()
    {
        using var site = SiteWithSecret();
        site.Write("content/index.md", "---\ntitle: Home\ndescription: D\nreviewed_by: \"Editor\\n::error file=x::forged\"\n---\nHello.\n");

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Contains("Editor\\u000A::error file=x::forged", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(run.All.Split('\n'), line => line.StartsWith("::error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_starts_and_reports_a_named_pipe_instead_of_freezing()
    {
        using var site = SiteWithSecret();
        MakeFifo(Path.Combine(site.Root, "content/x.md"));
        var reports = new List<BackSiteGen.Serve.RebuildReport>();

        var server = await BackSiteGen.Serve.SiteServer.StartAsync(site.Options(), new BackSiteGen.Serve.ServeOptions("127.0.0.1", 0), reports.Add).WaitAsync(Limit);
        await using (server)
        {
            Assert.Contains(server.FirstBuild.Diagnostics, d => d.Code == DiagnosticCodes.NotRegularFile && d.Span.File.EndsWith("x.md", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_printed_diagnostic_is_one_line()
    {
        var diagnostic = Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile("content/a\r\nb.md"), "bad\nname\u2028here");

        var line = DiagnosticFormatter.ToMsBuild(diagnostic);

        Assert.Equal("content/a\\u000D\\u000Ab.md: error BSG0003: bad\\u000Aname\\u2028here", line);
    }

    internal static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
