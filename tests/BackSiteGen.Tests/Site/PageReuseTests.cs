using BackSiteGen.Cli;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Site;

namespace BackSiteGen.Tests.Site;

/// <summary><c>build</c> reuses each page whose body and shared inputs did not change since the last build into the same
/// output, from the record of the pages in the output's marker, and renders the rest; a damaged record is said and
/// ignored. What it prints and publishes is a full build's either way (the property tests check that on random edits).</summary>
public sealed class PageReuseTests
{
    private const string Site = SiteFixture.NoReviewCycle + """
        -- themes/default/layouts/page.html --
        <title>{{ page.title }}</title><main>{{ page.content }}</main>
        -- themes/default/layouts/home.html --
        <main>{{ page.content }}</main>
        -- themes/default/layouts/handout.html --
        <main>{{ for item in (section_pages page.section) }}<section>{{ item.content }}</section>{{ end }}</main>
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        See [a](a.md), [b](b.md) and the [sheet](ex/sheet.md).
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
        -- content/ex/sheet.md --
        ---
        title: Sheet
        description: D
        layout: handout
        ---
        -- content/ex/one.md --
        ---
        title: One
        description: D
        ---
        Exercise one.
        """;

    private static (int Code, string Out) Build(SiteFixture site, string output = "output")
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, output), "--timings"], stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    private static readonly string PagesPrefix = $"pages {PageCache.Version} ";

    private static string Marker(SiteFixture site) => Path.Combine(site.Root, "output", ".backsitegen-output");

    /// <summary>Replaces the marker's record of the pages, as a hand edit or a damaged disk might.</summary>
    private static void RewritePagesLine(SiteFixture site, Func<string, string> change)
    {
        var lines = File.ReadAllLines(Marker(site));
        var at = Array.FindIndex(lines, l => l.StartsWith(PagesPrefix, StringComparison.Ordinal));
        Assert.True(at > 0, "the marker records the pages");
        lines[at] = change(lines[at]);
        File.WriteAllLines(Marker(site), lines);
    }

    [Fact]
    public void A_body_edit_renders_that_page_alone_and_a_page_embedding_it_renders_with_it()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);

        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
        var edited = Build(site);
        Assert.Equal(0, edited.Code);
        Assert.Contains("keep unchanged pages (4 of 5)", edited.Out, StringComparison.Ordinal);
        Assert.Contains("Page a, edited.", site.ReadOutput("a/index.html"), StringComparison.Ordinal);

        site.Write("content/ex/one.md", "---\ntitle: One\ndescription: D\n---\nExercise one, edited.\n");
        var embedded = Build(site);
        Assert.Contains("keep unchanged pages (3 of 5)", embedded.Out, StringComparison.Ordinal);
        Assert.Contains("Exercise one, edited.", site.ReadOutput("ex/sheet/index.html"), StringComparison.Ordinal);
    }

    /// <summary>A build that reuses pages takes each page's front matter from the record instead of reading its file (the
    /// record is for these same bytes up to the end of every front matter); what it publishes is a full build's.</summary>
    [Fact]
    public void A_body_edit_reads_no_page_file_for_its_front_matter_and_publishes_what_a_full_build_does()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        Assert.Contains("read pages (5 of 5 from their files)", Build(site, "settled").Out, StringComparison.Ordinal);

        site.Write("content/b.md", "---\ntitle: B\ndescription: D\n---\nPage b, edited, [to a](a.md).\n");
        var edited = Build(site);
        var full = Build(site, "full");

        Assert.Equal(0, edited.Code);
        Assert.Contains("read pages (0 of 5 from their files)", edited.Out, StringComparison.Ordinal);
        Assert.Contains("keep unchanged pages (4 of 5)", edited.Out, StringComparison.Ordinal);
        Assert.Contains("read pages (5 of 5 from their files)", full.Out, StringComparison.Ordinal);
        foreach (var page in new[] { "index.html", "a/index.html", "b/index.html", "ex/one/index.html", "ex/sheet/index.html" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(site.Root, "full", page)), site.ReadOutput(page));
        }
    }

    /// <summary>A page whose front matter gave a finding is not taken from the record: its file is read again on the
    /// next build, and the finding is said again, at the same place.</summary>
    [Fact]
    public void A_finding_in_front_matter_is_said_again_on_a_build_that_reuses_pages()
    {
        using var site = SiteFixture.Create(Site);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\nreviwed_by: nobody\n---\nPage a.\n");
        var first = Build(site);
        var finding = first.Out.Split('\n').Single(l => l.Contains("BSG0205", StringComparison.Ordinal)).Replace(site.Root, string.Empty, StringComparison.Ordinal);
        Assert.Contains("a.md(4,1)", finding, StringComparison.Ordinal);

        site.Write("content/b.md", "---\ntitle: B\ndescription: D\n---\nPage b, edited, [to a](a.md).\n");
        var edited = Build(site);

        Assert.Equal(0, edited.Code);
        Assert.Contains("keep unchanged pages (4 of 5)", edited.Out, StringComparison.Ordinal);
        Assert.Contains("read pages (1 of 5 from their files)", edited.Out, StringComparison.Ordinal);
        Assert.Equal(finding, edited.Out.Split('\n').Single(l => l.Contains("BSG0205", StringComparison.Ordinal)).Replace(site.Root, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void A_front_matter_edit_renders_every_page()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);

        site.Write("content/a.md", "---\ntitle: A, renamed\ndescription: D\n---\nPage a.\n");
        var renamed = Build(site);

        Assert.Equal(0, renamed.Code);
        Assert.DoesNotContain("keep unchanged pages", renamed.Out, StringComparison.Ordinal);
        Assert.Contains("<title>A, renamed</title>", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_file_edited_in_the_output_is_rendered_again()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        var good = site.ReadOutput("b/index.html");
        File.AppendAllText(Path.Combine(site.Root, "output", "b/index.html"), "by hand");
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");

        var run = Build(site);

        Assert.Equal(0, run.Code);
        Assert.Contains("keep unchanged pages (3 of 5)", run.Out, StringComparison.Ordinal);
        Assert.Equal(good, site.ReadOutput("b/index.html"));
    }

    /// <summary>A kept file whose stamp (inode, size, modification and change times) is the one the last build recorded
    /// is trusted without being read; a hand edit of the same size, even one that puts the old modification time back,
    /// changes the inode's change time, so the file is read, found changed and rendered again.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_page_file_edited_in_the_output_after_its_stamp_was_recorded_is_rendered_again(bool restoreModifiedTime)
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);

        // Stamps are recorded only of files that had settled a second before they were taken (git's racy rule).
        Thread.Sleep(2100);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
        Assert.Contains("keep unchanged pages (4 of 5)", Build(site).Out, StringComparison.Ordinal);
        var stamps = File.ReadLines(Marker(site)).Where(l => l.StartsWith("stamp ", StringComparison.Ordinal)).Select(l => l.Split(' ', 9)[8]).ToList();
        Assert.Contains("b/index.html", stamps);
        Assert.DoesNotContain("a/index.html", stamps);

        var file = Path.Combine(site.Root, "output", "b/index.html");
        var good = File.ReadAllText(file);
        EditKeepingSize(site, file, restoreModifiedTime);

        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited again.\n");
        var run = Build(site);

        Assert.Equal(0, run.Code);
        Assert.Contains("keep unchanged pages (3 of 5)", run.Out, StringComparison.Ordinal);
        Assert.Equal(good, site.ReadOutput("b/index.html"));
    }

    /// <summary>Overwrites <paramref name="file"/> in place with as many other bytes; with the old modification time put
    /// back to the nanosecond (<c>touch -r</c>, as a careful tool would), so only the change time tells.</summary>
    private static void EditKeepingSize(SiteFixture site, string file, bool restoreModifiedTime)
    {
        var reference = Path.Combine(site.Root, "mtime-reference");
        File.WriteAllText(reference, string.Empty);
        if (restoreModifiedTime)
        {
            Touch("-r", file, reference);
        }

        File.WriteAllText(file, new string('x', new FileInfo(file).Length is var n ? (int)n : 0));
        if (restoreModifiedTime)
        {
            Touch("-r", reference, file);
            Assert.Equal(File.GetLastWriteTimeUtc(reference), File.GetLastWriteTimeUtc(file));
        }
    }

    private static void Touch(params string[] arguments)
    {
        using var touch = System.Diagnostics.Process.Start("touch", arguments);
        touch.WaitForExit();
        Assert.Equal(0, touch.ExitCode);
    }

    /// <summary>With stamps recorded, a build with nothing changed still notices a kept file edited by hand.</summary>
    [Fact]
    public void A_build_with_nothing_changed_notices_a_stamped_file_edited_by_hand()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        Thread.Sleep(2100);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
        Assert.Equal(0, Build(site).Code);
        Assert.Contains(File.ReadLines(Marker(site)), l => l.StartsWith("stamp ", StringComparison.Ordinal) && l.EndsWith(" b/index.html", StringComparison.Ordinal));
        Assert.Contains("Nothing changed", Build(site).Out, StringComparison.Ordinal);

        var file = Path.Combine(site.Root, "output", "b/index.html");
        var good = File.ReadAllText(file);
        EditKeepingSize(site, file, restoreModifiedTime: true);
        var run = Build(site);

        Assert.DoesNotContain("Nothing changed", run.Out, StringComparison.Ordinal);
        Assert.Equal(good, site.ReadOutput("b/index.html"));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("not base64")]
    public void A_damaged_record_of_the_pages_is_said_and_every_page_is_rendered(string damage)
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        RewritePagesLine(site, line => damage switch
        {
            "flip" => line[..^10] + (line[^10] == 'A' ? 'B' : 'A') + line[^9..],
            "truncate" => line[..(line.Length / 2 / 4 * 4)],
            _ => PagesPrefix + "this is not a record",
        });
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");

        var run = Build(site);

        Assert.Equal(0, run.Code);
        Assert.Contains("output/.backsitegen-output: info BSG0952: The record of the last build's pages in this file is damaged; it was ignored, and every page is rendered again.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("keep unchanged pages", run.Out, StringComparison.Ordinal);
        Assert.Contains("Page a, edited.", site.ReadOutput("a/index.html"), StringComparison.Ordinal);

        // The note is about the old record; the new one is whole, and the next edit reuses pages again without it.
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, again.\n");
        var next = Build(site);
        Assert.DoesNotContain("BSG0952", next.Out, StringComparison.Ordinal);
        Assert.Contains("keep unchanged pages (4 of 5)", next.Out, StringComparison.Ordinal);
    }

    /// <summary>A site of more than 256 pages, whose record of the pages is cut into parts.</summary>
    private static string ManyPages(int count) =>
        SiteFixture.NoReviewCycle + """
            -- themes/default/layouts/page.html --
            <title>{{ page.title }}</title><main>{{ page.content }}</main>
            -- themes/default/layouts/home.html --
            <main>{{ page.content }}</main>
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            Home, see [the first page](p-000.md).

            """ + string.Concat(Enumerable.Range(0, count).Select(i => $"-- content/p-{i:000}.md --\n---\ntitle: P{i}\ndescription: D\n---\nPage {i}, see [the next](p-{(i + 1) % count:000}.md#top) and [home](index.md).\n"));

    private static string[] RecordParts(string marker) =>
        File.ReadAllLines(marker).Single(l => l.StartsWith(PagesPrefix, StringComparison.Ordinal))[PagesPrefix.Length..].Split(' ');

    [Fact]
    public void A_large_site_records_its_pages_in_parts_and_a_one_page_edit_writes_only_that_page_s_part()
    {
        using var site = SiteFixture.Create(ManyPages(300));
        Assert.Equal(0, Build(site).Code);
        var before = RecordParts(Marker(site));
        Assert.Equal(4, before.Length);

        site.Write("content/p-007.md", "---\ntitle: P7\ndescription: D\n---\nPage 7, edited, see [the next](p-008.md#top) and [home](index.md).\n");
        var edited = Build(site);
        Assert.Equal(0, edited.Code);
        Assert.Contains("keep unchanged pages (300 of 301)", edited.Out, StringComparison.Ordinal);
        var after = RecordParts(Marker(site));
        Assert.Equal(4, after.Length);
        Assert.Single(Enumerable.Range(0, 4), i => before[i] != after[i]);

        // The parts copied from the last record are what a full build writes: the record is the same either way.
        Assert.Equal(0, Build(site, "full").Code);
        Assert.Equal(RecordParts(Path.Combine(site.Root, "full", ".backsitegen-output")), after);

        // And the next edit reuses what this one recorded: the page just rendered, too.
        site.Write("content/p-100.md", "---\ntitle: P100\ndescription: D\n---\nPage 100, edited.\n");
        var next = Build(site);
        Assert.Contains("keep unchanged pages (300 of 301)", next.Out, StringComparison.Ordinal);
        Assert.Contains("Page 7, edited", site.ReadOutput("p-007/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("swap")]
    [InlineData("drop")]
    [InlineData("twice")]
    public void Parts_of_the_record_out_of_place_are_damage(string damage)
    {
        using var site = SiteFixture.Create(ManyPages(300));
        Assert.Equal(0, Build(site).Code);
        var parts = RecordParts(Marker(site));
        string[] changed = damage switch
        {
            "swap" => [parts[1], parts[0], .. parts[2..]],
            "drop" => parts[..^1],
            _ => [parts[0], .. parts],
        };
        RewritePagesLine(site, _ => PagesPrefix + string.Join(' ', changed));
        site.Write("content/p-007.md", "---\ntitle: P7\ndescription: D\n---\nPage 7, edited.\n");

        var run = Build(site);

        Assert.Equal(0, run.Code);
        Assert.Contains("info BSG0952: The record of the last build's pages in this file is damaged", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("keep unchanged pages", run.Out, StringComparison.Ordinal);
        Assert.Equal(4, RecordParts(Marker(site)).Length);
    }

    [Fact]
    public void A_record_of_another_format_is_not_reused_and_not_reported()
    {
        using var site = SiteFixture.Create(Site);
        Assert.Equal(0, Build(site).Code);
        var text = File.ReadAllText(Marker(site)).Replace("\n" + PagesPrefix, "\npages 9 ", StringComparison.Ordinal);
        File.WriteAllText(Marker(site), text);
        site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");

        var run = Build(site);

        Assert.Equal(0, run.Code);
        Assert.DoesNotContain("BSG095", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("keep unchanged pages", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_whose_checksum_holds_but_whose_content_does_not_read_is_damaged()
    {
        var record = BackSiteGen.Site.PageCache.Write("shared", []);
        var bytes = Convert.FromBase64String(record);

        // The string table says one string, the pages part says 5 pages, then the record ends: a checksum over that.
        byte[] payload = [1, 6, (byte)'s', (byte)'h', (byte)'a', (byte)'r', (byte)'e', (byte)'d', 1, 5];
        var forged = Convert.ToBase64String(BackSiteGen.Site.PageCache.Sealed(payload));
        byte[] notCompressed = [1, 2, 3, 4, .. System.Security.Cryptography.SHA256.HashData([1, 2, 3, 4])];

        Assert.NotNull(BackSiteGen.Site.PageCache.Read(record, "shared", out var damaged));
        Assert.False(damaged);
        Assert.Null(BackSiteGen.Site.PageCache.Read(record, "other inputs", out damaged));
        Assert.False(damaged);
        Assert.Null(BackSiteGen.Site.PageCache.Read(forged, "shared", out damaged));
        Assert.True(damaged);
        Assert.Null(BackSiteGen.Site.PageCache.Read(Convert.ToBase64String(bytes[..^1]), "shared", out damaged));
        Assert.True(damaged);
        Assert.Null(BackSiteGen.Site.PageCache.Read(Convert.ToBase64String(notCompressed), "shared", out damaged));
        Assert.True(damaged);
    }

    [Theory]
    [InlineData("---\ntitle: x\n---\nbody", 17)]
    [InlineData("\uFEFF---\r\ntitle: x\r\n...\r\nbody", 23)]
    [InlineData("---\ntitle: x\n--- \n---\nbody", 22)]
    [InlineData("--- \ntitle: x\n---\nbody", null)]
    [InlineData("---\ntitle: x\nno end", null)]
    [InlineData("no front matter\n---\n", null)]
    public void A_page_file_is_cut_after_its_front_matter_never_before_where_the_reader_cuts(string text, int? cut)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var at = BackSiteGen.Site.InputFingerprint.Cut(bytes);

        Assert.Equal(cut, at);
        if (at is { } position && BackSiteGen.Content.FrontMatterParser.Split(BackSiteGen.Content.SourceText.Read(Write(bytes), "a.md", new BackSiteGen.Diagnostics.DiagnosticBag())!) is { } split)
        {
            // Everything the reader takes for the body but for what the cut left in the shared part.
            var body = System.Text.Encoding.UTF8.GetString(bytes[position..]).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.EndsWith(body, split.Body, StringComparison.Ordinal);
        }
    }

    private static string Write(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "bsg-cut-" + Guid.NewGuid().ToString("N")[..8] + ".md");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("body")]
    [InlineData("same size")]
    [InlineData("added")]
    [InlineData("theme")]
    public void The_inputs_after_a_build_are_the_ones_it_read_unless_a_file_changed_appeared_or_went(string change)
    {
        using var site = SiteFixture.Create(Site);
        var options = site.Options();
        var inputs = BackSiteGen.Site.InputFingerprint.Of(options);
        Assert.NotNull(inputs);
        Assert.True(inputs.Bodies.ContainsKey("ex/one.md"));

        switch (change)
        {
            case "body":
                site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage a, edited.\n");
                break;
            case "same size":
                site.Write("content/a.md", "---\ntitle: A\ndescription: D\n---\nPage b.\n");
                break;
            case "added":
                site.Write("content/c.md", "---\ntitle: C\ndescription: D\n---\nPage c.\n");
                break;
            case "theme":
                site.Write("themes/default/layouts/home.html", "<main>{{ page.content }}</main>\n\n");
                break;
        }

        Assert.Equal(change == "nothing", inputs.StillCurrent(options));
        Assert.Equal(change == "nothing", BackSiteGen.Site.InputFingerprint.Of(options)!.Whole == inputs.Whole);
        Assert.Equal(change is "nothing" or "body" or "same size", BackSiteGen.Site.InputFingerprint.Of(options)!.Shared == inputs.Shared);
    }

    /// <summary>The record of the pages writes each of these properties by name (see <c>PageCache</c>); one added and not
    /// recorded would be lost from every reused page: this says so before a property test has to find it. (IsLoaded and
    /// Scale are computed from the others.)</summary>
    [Theory]
    [InlineData(typeof(BackSiteGen.Site.RenderedPage), "Content EmbeddedPages Html Layout Page Trust")]
    [InlineData(typeof(BackSiteGen.Markdown.RenderedContent), "Citations GlossaryTerms Html Links ReadableBlocks References Toc")]
    [InlineData(typeof(BackSiteGen.Trust.PageFacts), "Alternates Citations GlossaryTerms HasJsonLd Language LanguageSpan LastReviewed NextReview OutboundLinks Permalink Readability Reviewer Source Spanish Url")]
    [InlineData(typeof(BackSiteGen.Checks.PageLinkFacts), "ForLinks Origin OutputPath")]
    [InlineData(typeof(BackSiteGen.Checks.HtmlFacts), "BaseHref DuplicateIds Ids Links OutputPath")]
    [InlineData(typeof(BackSiteGen.Checks.PageOrigin), "ContentEnd ContentStart HtmlLength LayoutDisplayPath Page SourceLinks")]
    [InlineData(typeof(BackSiteGen.Checks.HtmlLink), "Column Element IsLoaded Line Offset Url")]
    [InlineData(typeof(BackSiteGen.Checks.HtmlId), "Column Id Line Offset")]
    [InlineData(typeof(BackSiteGen.Markdown.SourceLink), "IsImage Rendered Span Written")]
    [InlineData(typeof(BackSiteGen.Citations.CitationUse), "Key Locator Number Span")]
    [InlineData(typeof(BackSiteGen.Citations.CitedReference), "Number Reference")]
    [InlineData(typeof(BackSiteGen.Trust.Readability.ReadabilityScore), "Grade ReadingEase Smog Statistics")]
    [InlineData(typeof(BackSiteGen.Trust.Readability.SpanishReadability), "FernandezHuerta Inflesz Scale Statistics")]
    [InlineData(typeof(BackSiteGen.Trust.Readability.TextStatistics), "Polysyllables Sentences Syllables Words")]
    [InlineData(typeof(BackSiteGen.Diagnostics.Diagnostic), "Code Message Severity Span")]
    [InlineData(typeof(BackSiteGen.Diagnostics.SourceSpan), "Column File Line")]
    public void The_record_of_the_pages_keeps_every_property_of_what_it_records(Type type, string recorded)
    {
        var properties = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(recorded, string.Join(' ', properties));
    }
}
