using BackSiteGen.Diagnostics;
using BackSiteGen.Output;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Hardening;

/// <summary>The swap of the new site into the output folder, interrupted at each of its steps as a <c>kill -9</c> would
/// interrupt it: afterwards, and after the next build (which may fail on its content), the output holds the old site or the
/// new one, complete, and nothing is left beside it.</summary>
public sealed class SwapTests
{
    private const string Site = """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Old site.
        -- themes/default/layouts/page.html --
        <main>{{ page.content }}</main>
        """;

    private sealed class SimulatedCrash : Exception;

    public static TheoryData<bool, SwapStep> Steps()
    {
        var data = new TheoryData<bool, SwapStep>();
        data.Add(true, SwapStep.Exchanged);
        data.Add(true, SwapStep.OldRemoved);
        foreach (var step in new[] { SwapStep.JournalWritten, SwapStep.OldMovedAside, SwapStep.NewMovedIn, SwapStep.JournalRemoved, SwapStep.OldRemoved })
        {
            data.Add(false, step);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_swap_killed_at_any_step_leaves_the_old_site_or_the_new_one_complete(bool exchange, SwapStep step)
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var oldSite = site.Snapshot();
        var newSite = Crash(site, exchange, step);

        AssertOldOrNew(site.Snapshot(), oldSite, newSite, $"right after the crash at {step}", allowMissing: !exchange && step == SwapStep.OldMovedAside);

        // The next build fails on its content before it writes a thing; it still restores what the crash left.
        site.Write("content/broken.md", "---\ntitle: [\n---\n");
        var failed = CliRun.Build(site);
        Assert.Equal(1, failed.Code);
        AssertOldOrNew(site.Snapshot(), oldSite, newSite, "after the next, failing build", allowMissing: false);
        Assert.DoesNotContain(".backsitegen-output.journal", Directory.GetFileSystemEntries(site.Root).Select(Path.GetFileName));

        File.Delete(Path.Combine(site.Root, "content/broken.md"));
        var good = CliRun.Build(site);
        Assert.True(good.Code == 0, good.All);
        Assert.Equal(oldSite, site.Snapshot());
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
    }

    [Fact]
    public void A_kill_between_the_two_renames_is_recovered_and_said_at_the_next_build()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var oldSite = site.Snapshot();
        Crash(site, exchange: false, SwapStep.OldMovedAside);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "output")));

        site.Write("content/broken.md", "---\ntitle: [\n---\n");
        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("info BSG0010: An earlier build was interrupted while swapping its site in;", run.Out, StringComparison.Ordinal);
        Assert.Contains("holds the previous site again, complete.", run.Out, StringComparison.Ordinal);
        Assert.Equal(oldSite, site.Snapshot());
    }

    [Fact]
    public void A_non_empty_output_folder_BackSiteGen_did_not_build_is_not_replaced_without_force()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        site.Write("output/thesis.docx", "my only copy");

        var run = CliRun.Build(site);

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0009: Refusing to replace", run.Out, StringComparison.Ordinal);
        Assert.Equal("my only copy", site.ReadOutput("thesis.docx"));

        using var stdout = new StringWriter();
        var forced = BackSiteGen.Cli.CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, "output"), "--force"], stdout, TextWriter.Null);
        Assert.Equal(0, forced);
        Assert.False(site.OutputExists("thesis.docx"));
        Assert.True(site.OutputExists(OutputFolder.MarkerFile));
    }

    [Fact]
    public void An_output_folder_holding_only_a_gitignore_is_built_into()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        site.Write("output/.gitignore", "*\n");

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Equal("*\n", site.ReadOutput(".gitignore"));
    }

    [Fact]
    public void A_folder_merely_named_like_the_staging_folder_is_left_alone()
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);
        site.Write(".backsitegen-output-staging/keep.txt", "not yours");
        site.Write(".backsitegen-output-staging-old/keep.txt", "not yours either");

        var run = CliRun.Build(site);

        Assert.True(run.Code == 0, run.All);
        Assert.Equal("not yours", File.ReadAllText(Path.Combine(site.Root, ".backsitegen-output-staging/keep.txt")));
        Assert.Equal("not yours either", File.ReadAllText(Path.Combine(site.Root, ".backsitegen-output-staging-old/keep.txt")));
        Assert.Contains("Old site.", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content/out")]
    [InlineData("themes/default/out")]
    public void An_output_folder_inside_the_content_or_theme_is_refused(string output)
    {
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + Site);

        var run = CliRun.Build(site, output: output);

        Assert.Equal(1, run.Code);
        Assert.Contains("error BSG0001: Refusing to build into", run.Out, StringComparison.Ordinal);
        Assert.Contains("so every build would publish the previous output again", run.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(site.Root, output)));
    }

    /// <summary>Stages a different site and swaps it in until <paramref name="step"/>, where the build "dies": the lock
    /// is let go and nothing is cleaned up. Returns the new site as it would be, complete.</summary>
    private static SortedDictionary<string, byte[]> Crash(SiteFixture site, bool exchange, SwapStep step)
    {
        var diagnostics = new DiagnosticBag();
        var folder = OutputFolder.Open(Path.Combine(site.Root, "output"), "output", site.Root, [], diagnostics);
        Assert.NotNull(folder);
        File.WriteAllText(Path.Combine(folder.Staging, "index.html"), "New site.\n");
        File.WriteAllText(Path.Combine(folder.Staging, "only-new.html"), "New page.\n");
        var newSite = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder.Staging, "*", SearchOption.AllDirectories))
        {
            newSite[Path.GetRelativePath(folder.Staging, file)] = File.ReadAllBytes(file);
        }

        folder.UseExchange = exchange;
        folder.Interrupt = s =>
        {
            if (s == step)
            {
                throw new SimulatedCrash();
            }
        };
        Assert.Throws<SimulatedCrash>(folder.Commit);
        folder.Abandon();
        return newSite;
    }

    private static void AssertOldOrNew(SortedDictionary<string, byte[]> actual, SortedDictionary<string, byte[]> oldSite, SortedDictionary<string, byte[]> newSite, string when, bool allowMissing)
    {
        if (allowMissing && actual.Count == 0)
        {
            return;
        }

        var isOld = actual.Keys.SequenceEqual(oldSite.Keys) && actual.All(f => f.Value.AsSpan().SequenceEqual(oldSite[f.Key]));
        var isNew = actual.Keys.SequenceEqual(newSite.Keys) && actual.All(f => f.Value.AsSpan().SequenceEqual(newSite[f.Key]));
        Assert.True(isOld || isNew, $"{when}: the output is neither the old site nor the new one: {string.Join(", ", actual.Keys)}");
    }
}
