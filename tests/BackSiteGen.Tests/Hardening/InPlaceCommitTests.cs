using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Output;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>A build into its own earlier output that changed few files commits them in place: it moves the new and changed
/// files in and removes what the new site lacks (a file a user dropped into the output too), and publishes byte for byte
/// what a build into a new folder does; killed at any of its steps, the next build finishes it.</summary>
public sealed class InPlaceCommitTests
{
    private sealed class SimulatedCrash : Exception;

    /// <summary>Forty pages, so that a few changed files are well under a quarter of the site's files.</summary>
    private static string Site()
    {
        var spec = new StringBuilder(SiteFixture.NoReviewCycle);
        spec.Append("-- content/index.md --\n---\ntitle: Home\ndescription: D\n---\nHome, see [one](p1.md).\n");
        for (var i = 1; i <= 40; i++)
        {
            spec.Append(System.Globalization.CultureInfo.InvariantCulture, $"-- content/p{i}.md --\n---\ntitle: Page {i}\ndescription: D\n---\nText {i}.\n");
        }

        spec.Append("-- content/notes.txt --\na copied file\n");
        spec.Append("-- themes/default/layouts/page.html --\n<main>{{ page.content }}</main>\n");
        return spec.ToString();
    }

    [Fact]
    public void A_one_page_edit_moves_that_page_in_and_publishes_what_a_fresh_build_does()
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        site.Write("content/p1.md", "---\ntitle: Page 1\ndescription: D\n---\nText 1, edited.\n");

        var run = BuildWithTimings(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Contains("commit in place (1 written, 0 removed)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Text 1, edited.", site.ReadOutput("p1/index.html"), StringComparison.Ordinal);
        AssertSameAsFresh(site);
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    [Fact]
    public void What_a_user_dropped_into_the_output_and_a_deleted_page_are_removed_and_the_repository_files_kept()
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        site.Write("output/.gitignore", "*\n");
        site.Write("output/dropped.txt", "mine");
        site.Write("output/p1/extra.html", "mine too");
        site.Write("output/mine/deep/x.txt", "a folder of mine");
        site.Write("elsewhere/kept.txt", "behind a link");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "output/link"), Path.Combine(site.Root, "elsewhere"));
        File.Delete(Path.Combine(site.Root, "content/p2.md"));

        var run = BuildWithTimings(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Contains("commit in place (1 written, 5 removed)", run.Out, StringComparison.Ordinal);
        Assert.Equal("*\n", site.ReadOutput(".gitignore"));
        Assert.Equal("behind a link", File.ReadAllText(Path.Combine(site.Root, "elsewhere/kept.txt")));
        foreach (var gone in new[] { "dropped.txt", "p1/extra.html", "mine", "link", "p2" })
        {
            Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(site.Root, "output", gone)));
        }

        File.Delete(Path.Combine(site.Root, "output/.gitignore"));
        AssertSameAsFresh(site);
    }

    [Fact]
    public void A_hand_edited_page_a_page_with_a_second_name_and_a_page_folder_replaced_by_a_link_are_written_again()
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        var output = Path.Combine(site.Root, "output");
        File.AppendAllText(Path.Combine(output, "p3/index.html"), "by hand");
        Link(Path.Combine(output, "p4/index.html"), Path.Combine(site.Root, "second-name.html"));
        Directory.Move(Path.Combine(output, "p5"), Path.Combine(site.Root, "p5-elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(output, "p5"), Path.Combine(site.Root, "p5-elsewhere"));
        var elsewhere = File.ReadAllBytes(Path.Combine(site.Root, "p5-elsewhere/index.html"));

        var run = BuildWithTimings(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Contains("commit in place (3 written, 0 removed)", run.Out, StringComparison.Ordinal);
        Assert.Equal(FileKind.Directory, FileKinds.Of(Path.Combine(output, "p5")));
        Assert.Equal(elsewhere, File.ReadAllBytes(Path.Combine(site.Root, "p5-elsewhere/index.html")));
        Assert.DoesNotContain("by hand", site.ReadOutput("p3/index.html"), StringComparison.Ordinal);
        AssertSameAsFresh(site);
    }

    [Fact]
    public void A_change_to_most_pages_swaps_the_whole_site_in()
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        site.Write("output/dropped.txt", "mine");
        site.Write("themes/default/layouts/page.html", "<main class=\"new\">{{ page.content }}</main>\n");

        var run = BuildWithTimings(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Contains("swap (", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("commit in place", run.Out, StringComparison.Ordinal);
        AssertSameAsFresh(site);
    }

    [Fact]
    public void A_build_that_fails_leaves_the_output_exactly_as_it_was()
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        site.Write("output/dropped.txt", "mine");
        File.AppendAllText(Path.Combine(site.Root, "output/p3/index.html"), "by hand");
        site.Write("content/p1.md", "---\ntitle: Page 1\ndescription: D\n---\nText 1, edited, see [nowhere](missing.md).\n");
        var before = site.Snapshot();

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Equal(before, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    public static TheoryData<SwapStep> Steps() =>
    [
        SwapStep.InPlaceJournalWritten, SwapStep.InPlaceRemoved, SwapStep.InPlaceFirstMoved, SwapStep.InPlaceMoved,
        SwapStep.MarkerMovedIn, SwapStep.StagingRemoved, SwapStep.InPlaceJournalRemoved,
    ];

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_commit_in_place_killed_at_any_step_is_finished_by_the_next_build(SwapStep step)
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        var first = site.Snapshot();
        site.Write("output/dropped.txt", "mine");
        var oldSite = site.Snapshot();
        var newSite = Crash(site, step);

        if (step == SwapStep.InPlaceJournalWritten)
        {
            Assert.Equal(oldSite, site.Snapshot());
        }

        // The next build fails on its content before it writes a thing; it finishes the commit first.
        site.Write("content/broken.md", "---\ntitle: [\n---\n");
        var failed = CliRun.Build(site);
        Assert.Equal(1, failed.Code);
        Assert.Equal(newSite, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
        Assert.Equal(step != SwapStep.InPlaceJournalRemoved, failed.Out.Contains("were completed from its journal", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(site.Root, "output/p2")));

        File.Delete(Path.Combine(site.Root, "content/broken.md"));
        var good = CliRun.Build(site);
        Assert.True(good.Code == 0, good.All);
        Assert.Equal(first, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    [Fact]
    public void A_journal_cut_before_its_end_leaves_the_old_site()
    {
        using var site = SiteFixture.Create(Site());
        Assert.Equal(0, CliRun.Build(site).Code);
        var oldSite = site.Snapshot();
        var staging = Path.Combine(site.Root, ".backsitegen-output-staging");
        site.Write(".backsitegen-output-staging/" + OutputFolder.MarkerFile, "x");
        site.Write(".backsitegen-output-staging/index.html", "half a build");
        site.Write(".backsitegen-output.journal", $"commit in place 1\nstaging {staging}\nremove index.html\nremove p1\nmo");

        site.Write("content/broken.md", "---\ntitle: [\n---\n");
        Assert.Equal(1, CliRun.Build(site).Code);
        Assert.Equal(oldSite, site.Snapshot());
        Assert.False(File.Exists(Path.Combine(site.Root, ".backsitegen-output.journal")));

        File.Delete(Path.Combine(site.Root, "content/broken.md"));
        var good = CliRun.Build(site);
        Assert.True(good.Code == 0, good.All);
        Assert.Equal(oldSite, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    /// <summary>Stages a new site (page 1 changed, page 2 gone, a new page) into the output the last build left, and
    /// commits it in place until <paramref name="step"/>, where the build "dies". Returns the new site, complete.</summary>
    private static SortedDictionary<string, byte[]> Crash(SiteFixture site, SwapStep step)
    {
        var target = Path.Combine(site.Root, "output");
        var oldSite = site.Snapshot();
        var folder = OutputFolder.Open(target, "output", site.Root, [], new DiagnosticBag());
        Assert.NotNull(folder);
        Assert.True(folder.CanCommitInPlace);
        var output = new StagingFolderOutput(folder.Staging, PreviousSite.At(target), inPlace: true);
        var newSite = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, bytes) in oldSite)
        {
            if (path is OutputFolder.MarkerFile or "dropped.txt" or "p2/index.html")
            {
                continue;
            }

            var text = path == "p1/index.html" ? "New page 1.\n" : Encoding.UTF8.GetString(bytes);
            output.WriteText(path, text);
            newSite[path] = Encoding.UTF8.GetBytes(text);
        }

        output.WriteText("new/index.html", "A new page.\n");
        newSite["new/index.html"] = Encoding.UTF8.GetBytes("A new page.\n");
        const string marker = "This folder was built by BackSiteGen; every build replaces all of it.\nmanifest 1\n";
        folder.Describe(marker);
        newSite[OutputFolder.MarkerFile] = Encoding.UTF8.GetBytes(marker);

        var changes = InPlaceChanges.Of(target, output.Manifest.Files, output.Staged.ToHashSet(StringComparer.Ordinal), OutputFolder.RepositoryFiles);
        Assert.Equal(["new/index.html", "p1/index.html"], changes.Moves);
        Assert.Equal(["dropped.txt", "p2"], changes.Removals);
        folder.Interrupt = s =>
        {
            if (s == step)
            {
                throw new SimulatedCrash();
            }
        };
        Assert.Throws<SimulatedCrash>(() => folder.CommitInPlace(changes, output.Manifest.Files));
        folder.Abandon();
        return newSite;
    }

    private static void AssertSameAsFresh(SiteFixture site)
    {
        Assert.Equal(0, CliRun.Build(site, "fresh").Code);
        var fresh = site.Snapshot("fresh");
        var built = site.Snapshot();
        Assert.Equal(fresh.Keys, built.Keys);
        Assert.All(fresh, f => Assert.True(f.Value.AsSpan().SequenceEqual(built[f.Key]), f.Key + " differs from a fresh build"));
        Assert.Equal(Folders(Path.Combine(site.Root, "fresh")), Folders(Path.Combine(site.Root, "output")));
    }

    /// <summary>Every folder under <paramref name="root"/>: an empty one left behind shows here, not among the files.</summary>
    private static List<string> Folders(string root) =>
        [.. Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(root, d)).Order(StringComparer.Ordinal)];

    private static void Link(string existing, string secondName)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, secondName]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    private static CliRun BuildWithTimings(SiteFixture site)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BackSiteGen.Cli.CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, "output"), "--timings"], stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
