using BackSiteGen.Output;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Site;

/// <summary>A build into an existing output takes the files whose bytes did not change from the previous site (hard links)
/// and writes the rest: what it publishes is byte for byte what a build into an empty folder publishes.</summary>
public sealed class RebuildTests
{
    private const string Site = SiteFixture.NoReviewCycle + """
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        See [a](a.md) and [b](b.md).
        -- content/a.md --
        ---
        title: A
        description: D
        ---
        Page a.
        -- content/b.md --
        ---
        title: B
        description: D
        ---
        Page b.
        -- content/picture.txt --
        a file copied as it is
        """;

    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_unchanged_file_is_kept_from_the_previous_site_and_a_changed_one_is_written_again()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        foreach (var file in new[] { "a/index.html", "b/index.html", "picture.txt" })
        {
            File.SetLastWriteTimeUtc(Path.Combine(site.Root, "output", file), LongAgo);
        }

        site.Write("content/b.md", "---\ntitle: B\ndescription: D\n---\nPage b, edited.\n");
        Assert.Equal(0, CliRun.Build(site).Code);

        // A link keeps the file's time; a write gives it a new one.
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Root, "output", "a/index.html")));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Root, "output", "picture.txt")));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Root, "output", "b/index.html")));
        Assert.Contains("Page b, edited.", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
        AssertSameAsFreshBuild(site);
    }

    [Fact]
    public void A_file_edited_by_hand_in_the_output_is_written_again_not_kept()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var expected = site.ReadOutput("a/index.html");
        File.WriteAllText(Path.Combine(site.Root, "output", "a/index.html"), expected.Replace("Page a.", "Page x.", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(site.Root, "output", "picture.txt"), "a file copied as it iz\n");

        Assert.Equal(0, CliRun.Build(site).Code);

        Assert.Equal(expected, site.ReadOutput("a/index.html"));
        Assert.Equal("a file copied as it is\n", site.ReadOutput("picture.txt"));
        AssertSameAsFreshBuild(site);
    }

    [Fact]
    public void A_symbolic_link_in_the_output_is_never_kept_even_to_identical_bytes()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var page = Path.Combine(site.Root, "output", "a/index.html");
        var elsewhere = Path.Combine(site.Root, "elsewhere.html");
        File.Copy(page, elsewhere);
        File.Delete(page);
        File.CreateSymbolicLink(page, elsewhere);

        Assert.Equal(0, CliRun.Build(site).Code);

        Assert.Null(new FileInfo(page).LinkTarget);
        Assert.Equal(File.ReadAllText(elsewhere), site.ReadOutput("a/index.html"));
        AssertSameAsFreshBuild(site);
    }

    [Fact]
    public void The_last_record_only_spares_opening_a_file_it_says_changed_and_never_vouches_for_one()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, CliRun.Build(site).Code);
        var output = Path.Combine(site.Root, "output");
        var bytes = File.ReadAllBytes(Path.Combine(output, "a/index.html"));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var staging = Path.Combine(site.Root, "staging");
        Directory.CreateDirectory(staging);

        // The record says it was other bytes: it is not opened, and the page is written (writing is always right).
        var differs = PreviousSite.At(output, new Dictionary<string, (long, string)> { ["a/index.html"] = (bytes.Length, new string('0', 64)) })!;
        Assert.False(differs.TryLink("a/index.html", bytes, hash, Path.Combine(staging, "differs.html")));
        Assert.False(File.Exists(Path.Combine(staging, "differs.html")));
        Assert.False(differs.IsSame("a/index.html", bytes, hash));

        // The record vouches for bytes the file no longer holds: the comparison, not the record, decides.
        var edited = bytes.ToArray();
        edited[^2] ^= 1;
        var editedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(edited));
        var vouches = PreviousSite.At(output, new Dictionary<string, (long, string)> { ["a/index.html"] = (edited.Length, editedHash) })!;
        Assert.False(vouches.TryLink("a/index.html", edited, editedHash, Path.Combine(staging, "vouches.html")));
        Assert.False(vouches.IsSame("a/index.html", edited, editedHash));

        // The record says the old file is these bytes: it is compared, found equal and linked (last: a linked file has a
        // second name, and is never taken again).
        var agrees = PreviousSite.At(output, new Dictionary<string, (long, string)> { ["a/index.html"] = (bytes.Length, hash) })!;
        Assert.True(agrees.TryLink("a/index.html", bytes, hash, Path.Combine(staging, "agrees.html")));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(staging, "agrees.html")));
    }

    private static void AssertSameAsFreshBuild(SiteFixture site)
    {
        var fresh = CliRun.Build(site, "fresh");
        Assert.True(fresh.Code == 0, fresh.All);
        Assert.Equal(site.Snapshot("fresh"), site.Snapshot("output"));
    }
}
