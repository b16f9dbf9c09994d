using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Site;

/// <summary><c>build</c> records the stamp of every input file that had settled when it read it, with what its bytes
/// hashed to, and the next build into the same output reads only the files whose stamp differs: what it publishes is a
/// full build's either way, including after an edit that keeps a file's size and puts its modification time back.</summary>
public sealed class InputStampTests
{
    private const string Site = SiteFixture.NoReviewCycle + """
        -- themes/default/layouts/page.html --
        <title>{{ page.title }}</title><main>{{ page.content }}</main>
        -- themes/default/layouts/home.html --
        <main>{{ page.content }}</main>
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
        Page b, [to a](a.md).
        """;

    private static (int Code, string Out) Build(SiteFixture site, string output = "output")
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, output), "--timings"], stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    private static string Marker(SiteFixture site) => Path.Combine(site.Root, "output", ".backsitegen-output");

    private static List<string> InputNames(SiteFixture site) =>
        File.ReadLines(Marker(site)).Where(l => l.StartsWith("input ", StringComparison.Ordinal)).Select(l => l.Split(' ', 11)[10]).ToList();

    /// <summary>How many input files the build read, of how many, from its timings.</summary>
    private static (int Read, int Of) FilesRead(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"fingerprint inputs \((\d+) of (\d+) files read\)");
        Assert.True(match.Success, output);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Files just written are racy (their stamp may not change on the next write in the same tick): none is
    /// recorded. A second later they are, by a build into an existing output, but for the one edited just before the build that records them. (A build that
    /// keeps the output as it is records nothing: the record of the build that wrote it stays.)</summary>
    [Fact]
    public void Only_settled_inputs_are_recorded_and_the_next_build_reads_only_what_changed()
    {
        using var site = SiteFixture.Create(Site);
        var first = Build(site);
        Assert.Equal(0, first.Code);
        var (read, of) = FilesRead(first.Out);
        Assert.Equal(of, read);
        Assert.Empty(InputNames(site));

        Thread.Sleep(2100);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
        var second = Build(site);
        Assert.Equal(0, second.Code);

        // A build into a new folder records no stamps (its marker has no time in it), settled or not.
        Assert.Equal(0, Build(site, "new").Code);
        Assert.Equal((of, of), FilesRead(second.Out));
        var recorded = InputNames(site);
        Assert.Contains("content/b.md", recorded);
        Assert.DoesNotContain(File.ReadLines(Path.Combine(site.Root, "new", ".backsitegen-output")), l => l.StartsWith("input", StringComparison.Ordinal) && !l.StartsWith("inputs ", StringComparison.Ordinal));
        Assert.Contains("theme/layouts/page.html", recorded);
        Assert.DoesNotContain("content/a.md", recorded);

        site.Write("content/b.md", "---\ntitle: B\ndescription: D\n---\nPage b, edited, [to a](a.md).\n");
        var third = Build(site);
        Assert.Equal(0, third.Code);

        // a.md was not recorded, b.md's stamp changed: those two are read, nothing else.
        Assert.Equal((2, of), FilesRead(third.Out));
        Assert.Contains("Page b, edited", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
        Assert.Contains("Page a, edited.", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    /// <summary>An edit of the same size that puts the old modification time back to the nanosecond (<c>touch -r</c>)
    /// still changes the inode's change time, which no tool can set: the file is read and the edit is published.</summary>
    [Fact]
    public void An_input_edited_to_the_same_size_with_its_old_modification_time_is_read_again()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        Thread.Sleep(2100);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
        Assert.Equal(0, Build(site).Code);
        Assert.Contains("content/b.md", InputNames(site));

        var file = Path.Combine(site.Root, "content", "b.md");
        var before = File.GetLastWriteTimeUtc(file);
        var text = File.ReadAllText(file);
        var edited = text.Replace("Page b,", "Page B,", StringComparison.Ordinal);
        Assert.Equal(text.Length, edited.Length);
        var reference = Path.Combine(site.Root, "mtime-reference");
        File.WriteAllText(reference, string.Empty);
        Touch("-r", file, reference);
        File.WriteAllText(file, edited);
        Touch("-r", reference, file);
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));

        var run = Build(site);

        Assert.Equal(0, run.Code);
        // b.md, and a.md, edited just before the build that recorded the others.
        Assert.Equal(2, FilesRead(run.Out).Read);
        Assert.Contains("Page B,", site.ReadOutput("b/index.html"), StringComparison.Ordinal);
    }

    /// <summary>A hash means the same only to the generator that made it: stamps recorded by another build of BackSiteGen
    /// are not taken, and every file is read.</summary>
    [Fact]
    public void Stamps_recorded_by_another_generator_are_not_taken()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        Thread.Sleep(2100);
        site.Write("content/b.md", "---\ntitle: B\ndescription: D\n---\nPage b, edited, [to a](a.md).\n");
        Assert.Equal(0, Build(site).Code);
        var lines = File.ReadAllLines(Marker(site));
        var at = Array.FindIndex(lines, l => l.StartsWith("inputs-hashed-by ", StringComparison.Ordinal));
        Assert.True(at > 0, "the marker names the generator that hashed the inputs");
        lines[at] = "inputs-hashed-by 00000000000000000000000000000000";
        File.WriteAllLines(Marker(site), lines);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");

        var run = Build(site);

        Assert.Equal(0, run.Code);
        var (read, of) = FilesRead(run.Out);
        Assert.Equal(of, read);
        Assert.Contains("Page a, edited.", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    /// <summary>A damaged stamp line is damage to the whole record: said once, and the site is built in full.</summary>
    [Theory]
    [InlineData("input 1 2 3")]
    [InlineData("input 33188 1 1 1 1 1 1 nothex - content/a.md")]
    public void A_damaged_input_stamp_is_said_and_the_site_is_built_in_full(string damage)
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        File.AppendAllText(Marker(site), damage + "\n");
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");

        var run = Build(site);

        Assert.Equal(0, run.Code);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Out, "is damaged or not BackSiteGen's"));
        Assert.DoesNotContain("keep unchanged pages", run.Out, StringComparison.Ordinal);
        Assert.Contains("Page a, edited.", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    private static void Touch(params string[] arguments)
    {
        using var touch = System.Diagnostics.Process.Start("touch", arguments);
        touch!.WaitForExit();
        Assert.Equal(0, touch.ExitCode);
    }
}
