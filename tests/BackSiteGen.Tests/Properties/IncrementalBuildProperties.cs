using System.Text.RegularExpressions;
using BackSiteGen.Content;
using BackSiteGen.Output;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Properties;

/// <summary>Random edit sequences (page text, titles, the theme, site.yml, pages added and deleted, the output touched by
/// hand): after every edit, a build into the kept output (files linked from the previous site, or the output kept whole)
/// publishes byte for byte what a build into a new folder publishes.</summary>
public sealed class IncrementalBuildProperties
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Incremental_builds_equal_full_builds_after_any_edits(int seed)
    {
        var random = new Random(seed);
        using var site = SiteFixture.Create(SiteFixture.NoReviewCycle + """
            -- content/index.md --
            ---
            title: Home
            description: D
            ---
            Start [here](p0.md).
            -- content/p0.md --
            ---
            title: Page 0
            description: D
            ---
            Text 0.
            -- content/notes.txt --
            a copied file
            """);
        var pages = new List<int> { 0 };
        var next = 1;
        var log = new List<string>();
        for (var step = 0; step < 10; step++)
        {
            var edit = random.Next(8);
            var page = pages[random.Next(pages.Count)];
            switch (edit)
            {
                case 0:
                    site.Write($"content/p{page}.md", $"---\ntitle: Page {page}\ndescription: D\n---\nText {page}, edit {step}.\n");
                    log.Add($"text of p{page}");
                    break;
                case 1:
                    site.Write($"content/p{page}.md", $"---\ntitle: Page {page} v{step}\ndescription: D\n---\nText {page}.\n");
                    log.Add($"title of p{page}");
                    break;
                case 2:
                    site.Write($"content/p{next}.md", $"---\ntitle: Page {next}\ndescription: D\n---\nText {next}, see [0](p0.md).\n");
                    pages.Add(next);
                    log.Add($"add p{next++}");
                    break;
                case 3 when page != 0:
                    File.Delete(Path.Combine(site.Root, $"content/p{page}.md"));
                    pages.Remove(page);
                    log.Add($"delete p{page}");
                    break;
                case 4:
                    site.Write("themes/default/layouts/page.html", $"<title>{{{{ page.title }}}}</title><main>{{{{ page.content }}}}</main><p>theme {step}</p>\n");
                    site.Write("themes/default/layouts/home.html", "<main>{{ page.content }}</main>\n");
                    log.Add("theme");
                    break;
                case 5:
                    site.Write("content/site.yml", $"title: Site {step}\nreview: {{ enabled: false }}\n");
                    log.Add("site.yml");
                    break;
                case 6 when site.OutputExists($"p{page}/index.html"):
                    File.AppendAllText(Path.Combine(site.Root, "output", $"p{page}/index.html"), "by hand");
                    log.Add($"hand edit of output p{page}");
                    break;
                default:
                    log.Add("nothing");
                    break;
            }

            var incremental = CliRun.Build(site);
            var full = CliRun.Build(site, $"full-{step}");
            var what = string.Join(", ", log);
            Assert.True(incremental.Code == 0 && full.Code == 0, what + "\n" + incremental.All + full.All);
            Assert.True(SameFiles(site.Snapshot(), site.Snapshot($"full-{step}")), $"after: {what}");
            Directory.Delete(Path.Combine(site.Root, $"full-{step}"), recursive: true);
        }
    }

    /// <summary>Random small edits on a site large enough that they are committed in place (page text, pages added and
    /// deleted, files and folders a user dropped into the output, a page edited by hand or replaced by a link, a page
    /// folder replaced by a link), with now and then a theme change that swaps the whole site: after every edit the
    /// output, marker included, is byte for byte a fresh build's, no folder is left behind, and nothing is beside it.</summary>
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Builds_committed_in_place_equal_full_builds_after_any_edits(int seed)
    {
        var random = new Random(seed);
        var spec = new System.Text.StringBuilder(SiteFixture.NoReviewCycle + "-- content/index.md --\n---\ntitle: Home\ndescription: D\n---\nStart [here](s/p0.md).\n-- content/notes.txt --\na copied file\n");
        var pages = new List<int>();
        for (var i = 0; i < 24; i++)
        {
            spec.Append(System.Globalization.CultureInfo.InvariantCulture, $"-- content/s/p{i}.md --\n---\ntitle: Page {i}\ndescription: D\n---\nText {i}.\n");
            pages.Add(i);
        }

        using var site = SiteFixture.Create(spec.ToString());
        var output = Path.Combine(site.Root, "output");
        var next = 24;
        var log = new List<string>();
        var inPlace = 0;
        for (var step = 0; step < 14; step++)
        {
            var page = pages[random.Next(pages.Count)];
            switch (random.Next(10))
            {
                case 0 or 1:
                    site.Write($"content/s/p{page}.md", $"---\ntitle: Page {page}\ndescription: D\n---\nText {page}, edit {step}.\n");
                    log.Add($"text of p{page}");
                    break;
                case 2:
                    site.Write($"content/s/p{next}.md", $"---\ntitle: Page {next}\ndescription: D\n---\nText {next}, see [0](p0.md).\n");
                    pages.Add(next);
                    log.Add($"add p{next++}");
                    break;
                case 3 when page != 0:
                    File.Delete(Path.Combine(site.Root, $"content/s/p{page}.md"));
                    pages.Remove(page);
                    log.Add($"delete p{page}");
                    break;
                case 4 when Directory.Exists(output):
                    site.Write($"output/dropped-{step}.txt", "mine");
                    site.Write($"output/s/p{page}/extra-{step}.html", "mine too");
                    site.Write($"output/mine-{step}/deep/x.txt", "a folder of mine");
                    log.Add($"files dropped into the output, one beside p{page}");
                    break;
                case 5 when site.OutputExists($"s/p{page}/index.html"):
                    File.AppendAllText(Path.Combine(output, $"s/p{page}/index.html"), "by hand");
                    log.Add($"hand edit of output p{page}");
                    break;
                case 6 when site.OutputExists($"s/p{page}/index.html") && !File.Exists(Path.Combine(site.Root, $"aside-{page}.html")):
                    File.Move(Path.Combine(output, $"s/p{page}/index.html"), Path.Combine(site.Root, $"aside-{page}.html"));
                    File.CreateSymbolicLink(Path.Combine(output, $"s/p{page}/index.html"), Path.Combine(site.Root, $"aside-{page}.html"));
                    log.Add($"output p{page} replaced by a link to its old bytes");
                    break;
                case 7 when FileKinds.Of(Path.Combine(output, $"s/p{page}")) == FileKind.Directory && !Directory.Exists(Path.Combine(site.Root, $"folder-{page}")):
                    Directory.Move(Path.Combine(output, $"s/p{page}"), Path.Combine(site.Root, $"folder-{page}"));
                    Directory.CreateSymbolicLink(Path.Combine(output, $"s/p{page}"), Path.Combine(site.Root, $"folder-{page}"));
                    log.Add($"output folder of p{page} replaced by a link to its old copy");
                    break;
                case 8:
                    site.Write("themes/default/layouts/page.html", $"<title>{{{{ page.title }}}}</title><main>{{{{ page.content }}}}</main><p>theme {step}</p>\n");
                    log.Add("theme");
                    break;
                default:
                    log.Add("nothing");
                    break;
            }

            var incremental = BuildWithTimings(site);
            inPlace += incremental.Out.Contains("commit in place (", StringComparison.Ordinal) ? 1 : 0;
            var full = CliRun.Build(site, $"full-{step}");
            var what = string.Join(", ", log);
            Assert.True(incremental.Code == 0 && full.Code == 0, what + "\n" + incremental.All + full.All);
            Assert.True(SameFiles(site.Snapshot(), site.Snapshot($"full-{step}")), $"after: {what}");
            Assert.True(Folders(output).SequenceEqual(Folders(Path.Combine(site.Root, $"full-{step}"))), $"folders after: {what}");
            Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".backsitegen-*"));
            Directory.Delete(Path.Combine(site.Root, $"full-{step}"), recursive: true);
        }

        Assert.True(inPlace > 0, "no build was committed in place: " + string.Join(", ", log));
    }

    /// <summary>Every entry under <paramref name="root"/> that is not a plain file, named with its kind: an empty folder
    /// left behind, or a link that survived, shows here.</summary>
    private static List<string> Folders(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(e => FileKinds.Of(e) != FileKind.Regular)
            .Select(e => $"{FileKinds.Of(e)} {Path.GetRelativePath(root, e)}")
            .Order(StringComparer.Ordinal)];

    /// <summary>The same files with the same bytes, but for the marker's stamp lines: an incremental build records the
    /// file system stamps of the files it found unchanged (a full build has none to record), and those say only when this
    /// folder's files were written, not what they hold; and every build records the stamps of the inputs that had settled
    /// when it read them, which say when they were written.</summary>
    private static bool SameFiles(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Keys.SequenceEqual(b.Keys) && a.All(f => WithoutStamps(f.Key, f.Value).AsSpan().SequenceEqual(WithoutStamps(f.Key, b[f.Key])));

    private static byte[] WithoutStamps(string path, byte[] bytes) =>
        path != OutputFolder.MarkerFile ? bytes
            : System.Text.Encoding.UTF8.GetBytes(string.Join('\n', System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Where(l => !l.StartsWith("stamp ", StringComparison.Ordinal) && !l.StartsWith("input ", StringComparison.Ordinal) && !l.StartsWith("inputs-hashed-by ", StringComparison.Ordinal))));

    private const string CitingSite = """
        -- content/site.yml --
        review: { enabled: false }
        -- content/references.yaml --
        references:
          - id: a
            type: article-journal
            author: [{family: Alpha, given: Ann}]
            title: First study
            container-title-short: J A
            issued: {date-parts: [[2020]]}
            DOI: 10.1000/a
          - id: b
            type: article-journal
            author: [{family: Beta, given: Bo}]
            title: Second study
            container-title-short: J B
            issued: {date-parts: [[2021]]}
            DOI: 10.1000/b
          - id: c
            type: book
            author: [{family: Gamma, given: Cy}]
            title: A book
            publisher: Press
            issued: 2019
        -- themes/default/layouts/page.html --
        <title>{{ page.title }}</title><main>{{ page.content }}<ol>{{ for r in page.references }}<li id="{{ r.id }}">{{ r.html }} <a href="{{ r.backlink }}">back to the citation</a></li>{{ end }}</ol></main>
        -- themes/default/layouts/home.html --
        <main>{{ page.content }}</main>
        -- themes/default/layouts/handout.html --
        <main>{{ page.content }}{{ for item in (section_pages page.section) }}<section><h2><a href="{{ item.url }}">{{ item.title }}</a></h2>{{ item.content }}</section>{{ end }}</main>
        -- themes/default/layouts/references.html --
        <main>{{ page.content }}{{ for r in site.references }}<p id="{{ r.id }}">{{ r.html }}{{ for c in r.cited_by }} <a href="{{ c.url }}">{{ c.title }}</a>{{ end }}</p>{{ end }}</main>
        -- content/index.md --
        ---
        title: Home
        description: D
        ---
        Start [here](p0.md), read the [sheet](ex/handout.md) and the [sources](references.md).
        -- content/references.md --
        ---
        title: References
        description: D
        layout: references
        ---
        Where the facts come from.
        -- content/ex/index.md --
        ---
        title: Exercises
        description: D
        ---
        All exercises.
        -- content/ex/handout.md --
        ---
        title: Handout
        description: D
        layout: handout
        ---
        Print this.
        -- content/ex/e0.md --
        ---
        title: Exercise 0
        description: D
        ---
        Step 0.
        -- content/ex/e1.md --
        ---
        title: Exercise 1
        description: D
        ---
        Step 1.
        -- content/p0.md --
        ---
        title: Page 0
        description: D
        ---
        Text 0 [@b].
        """;

    /// <summary>Random page edits on a site with citations, a references page and a page embedding others (a handout of
    /// section_pages), where most builds reuse the pages that did not change: after every edit the output and everything
    /// printed (findings and the report) are what a build into a new folder gives, and a damaged record of the pages is
    /// said and ignored.</summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    public void Builds_that_reuse_unchanged_pages_publish_and_print_what_a_full_build_does(int seed)
    {
        var random = new Random(seed);
        using var site = SiteFixture.Create(CitingSite);
        string[] keys = ["a", "b", "c", "zz"];
        var pages = new List<string> { "p0.md", "ex/e0.md", "ex/e1.md" };
        var next = 1;
        var log = new List<string>();
        var first = CliRun.Build(site);
        Assert.True(first.Code == 0, first.All);
        var reused = 0;
        for (var step = 0; step < 12; step++)
        {
            var page = pages[random.Next(pages.Count)];
            var title = page.StartsWith("ex/", StringComparison.Ordinal) ? "Exercise " + page[4..^3] : "Page " + page[1..^3];
            var damaged = false;
            switch (random.Next(9))
            {
                case 0 or 1:
                    site.Write("content/" + page, $"---\ntitle: {title}\ndescription: D\n---\nText of {page}, edit {step}.\n");
                    log.Add($"text of {page}");
                    break;
                case 2 or 3 when !page.StartsWith("ex/", StringComparison.Ordinal):
                    var key = keys[random.Next(keys.Length)];
                    site.Write("content/" + page, $"---\ntitle: {title}\ndescription: D\n---\nCited {step} [@{key}]; see [Page 0](/p0/).\n");
                    log.Add($"{page} cites {key}");
                    break;
                case 4:
                    site.Write("content/" + page, $"---\ntitle: {title} v{step}\ndescription: D\n---\nText {step}.\n");
                    log.Add($"title of {page}");
                    break;
                case 5:
                    var added = random.Next(2) == 0 ? $"ex/e{next + 1}.md" : $"p{next}.md";
                    next++;
                    site.Write("content/" + added, $"---\ntitle: Added {step}\ndescription: D\n---\n{(added.StartsWith("ex/", StringComparison.Ordinal) ? "New step." : "New [@c], [click here](/p0/).")}\n");
                    pages.Add(added);
                    log.Add($"add {added}");
                    break;
                case 6 when pages.Count > 3 && page is not "p0.md":
                    File.Delete(Path.Combine(site.Root, "content", page));
                    pages.Remove(page);
                    log.Add($"delete {page}");
                    break;
                case 7 when site.OutputExists(page[..^3] + "/index.html"):
                    File.AppendAllText(Path.Combine(site.Root, "output", page[..^3] + "/index.html"), "by hand");
                    site.Write("content/p0.md", $"---\ntitle: Page 0\ndescription: D\n---\nText 0, edit {step} [@b].\n");
                    log.Add($"hand edit of output {page}, text of p0.md");
                    break;
                case 8:
                    damaged = DamagePageRecord(site);
                    site.Write("content/p0.md", $"---\ntitle: Page 0\ndescription: D\n---\nText 0, step {step} [@b].\n");
                    log.Add(damaged ? "damaged page record, text of p0.md" : "text of p0.md");
                    break;
                default:
                    log.Add("nothing");
                    break;
            }

            var before = site.Snapshot();
            var incremental = BuildWithTimings(site);
            reused += incremental.Out.Contains("keep unchanged pages (", StringComparison.Ordinal) ? 1 : 0;
            Assert.Equal(damaged, incremental.Out.Contains("info BSG0952", StringComparison.Ordinal));
            AssertAsFullBuild(site, incremental, before, step, string.Join(", ", log));
        }

        Assert.True(reused > 0, "no build reused a page: " + string.Join(", ", log));
    }

    /// <summary>Random edits to pages that link to each other's headings and to one file (a text edit, a heading renamed
    /// or added, a link to a missing anchor or page, a page or the file deleted, every page put back as it was), on a site
    /// where a broken anchor is a warning and a broken page an error: after every edit, a build into the kept output,
    /// which checks again only the links of the pages it rendered when the others' would find nothing new, prints and
    /// publishes what a build into a new folder does. Each seed has builds that checked only some pages' links and builds
    /// that checked all of them.</summary>
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(35)]
    [InlineData(36)]
    [InlineData(37)]
    [InlineData(38)]
    public void Builds_that_check_only_the_changed_pages_links_find_what_a_full_build_finds(int seed)
    {
        const int Pages = 4;
        static string Page(int n, string heading, string extra) =>
            $"---\ntitle: Page {n}\ndescription: D\n---\n## {heading}\n\nText {n}, see [the next](p{(n + 1) % Pages}.md#part-{(n + 1) % Pages}), [home](index.md) and [the notes](notes.txt).{extra}\n";

        var spec = new System.Text.StringBuilder("-- content/site.yml --\nreview: { enabled: false }\nlinks:\n  broken_anchor: warning\n-- content/index.md --\n---\ntitle: Home\ndescription: D\n---\nStart [here](p0.md#part-0).\n-- content/notes.txt --\nNotes.\n");
        for (var n = 0; n < Pages; n++)
        {
            spec.Append(System.Globalization.CultureInfo.InvariantCulture, $"-- content/p{n}.md --\n{Page(n, $"Part {n}", string.Empty)}");
        }

        using var site = SiteFixture.Create(spec.ToString());
        var random = new Random(seed);
        var log = new List<string>();
        var first = CliRun.Build(site);
        Assert.True(first.Code == 0, first.All);
        var (some, all) = (0, 0);
        for (var step = 0; step < 16; step++)
        {
            var n = random.Next(Pages);
            switch (random.Next(9))
            {
                case 0 or 1:
                    site.Write($"content/p{n}.md", Page(n, $"Part {n}", $" Edit {step}."));
                    log.Add($"text of p{n}");
                    break;
                case 2:
                    site.Write($"content/p{n}.md", Page(n, $"Renamed {step}", string.Empty));
                    log.Add($"heading of p{n} renamed");
                    break;
                case 3:
                    site.Write($"content/p{n}.md", Page(n, $"Part {n}", $"\n\n## Added {step}\n\nMore."));
                    log.Add($"heading added to p{n}");
                    break;
                case 4:
                    site.Write($"content/p{n}.md", Page(n, $"Part {n}", $" And [this](p{(n + 2) % Pages}.md#nowhere-{step})."));
                    log.Add($"p{n} links to a missing anchor");
                    break;
                case 5:
                    site.Write($"content/p{n}.md", Page(n, $"Part {n}", $" And [gone](gone-{step}.md)."));
                    log.Add($"p{n} links to a missing page");
                    break;
                case 6 when File.Exists(Path.Combine(site.Root, $"content/p{n}.md")):
                    File.Delete(Path.Combine(site.Root, $"content/p{n}.md"));
                    log.Add($"p{n} deleted");
                    break;
                case 7 when File.Exists(Path.Combine(site.Root, "content/notes.txt")):
                    File.Delete(Path.Combine(site.Root, "content/notes.txt"));
                    site.Write($"content/p{n}.md", Page(n, $"Part {n}", $" Edit {step}."));
                    log.Add($"notes.txt deleted, text of p{n}");
                    break;
                default:
                    site.Write("content/notes.txt", "Notes.\n");
                    for (var k = 0; k < Pages; k++)
                    {
                        site.Write($"content/p{k}.md", Page(k, $"Part {k}", k == n ? $" Fixed {step}." : string.Empty));
                    }

                    log.Add($"every page as it was, but for a text edit of p{n}");
                    break;
            }

            var before = site.Snapshot();
            var incremental = BuildWithTimings(site);
            some += incremental.Out.Contains(" link as before)", StringComparison.Ordinal) ? 1 : 0;
            all += Regex.IsMatch(incremental.Out, @"^resolve links +\d", RegexOptions.Multiline) ? 1 : 0;
            AssertAsFullBuild(site, incremental, before, step, string.Join(", ", log));
        }

        Assert.True(some > 0 && all > 0, $"{some} builds checked some pages' links and {all} all of them: " + string.Join(", ", log));
    }

    /// <summary>That <paramref name="incremental"/>, the build into the kept output after edit <paramref name="step"/>,
    /// exits, prints and publishes what a build of the same inputs into a new folder does; a failed one leaves the output
    /// as <paramref name="before"/> it.</summary>
    private static void AssertAsFullBuild(SiteFixture site, CliRun incremental, SortedDictionary<string, byte[]> before, int step, string what)
    {
        var full = CliRun.Build(site, $"full-{step}");
        Assert.True(incremental.Code == full.Code, what + "\n" + incremental.All + full.All);
        // An output kept whole prints its findings again, not the report (it has not read the pages): that part alone.
        var keptWhole = incremental.Out.Contains("info BSG0950", StringComparison.Ordinal);
        Assert.Equal(Printed(full.Out, keptWhole), Printed(incremental.Out, keptWhole));
        if (full.Code != 0)
        {
            // A broken page or an unknown citation key fails both; the output stays as the last good build left it.
            Assert.True(SameFiles(before, site.Snapshot()), $"after: {what}");
            return;
        }

        Assert.True(SameFiles(site.Snapshot(), site.Snapshot($"full-{step}")), $"after: {what}");
        Directory.Delete(Path.Combine(site.Root, $"full-{step}"), recursive: true);
    }

    /// <summary>A build as <see cref="CliRun.Build"/> runs it, with <c>--timings</c>, which says how many pages were reused.</summary>
    private static CliRun BuildWithTimings(SiteFixture site)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BackSiteGen.Cli.CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", Path.Combine(site.Root, site.ThemeDir), "--output", Path.Combine(site.Root, "output"), "--timings"], stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Flips one character inside the base64 record of the pages, as a hand edit or a damaged disk might.</summary>
    private static bool DamagePageRecord(SiteFixture site)
    {
        var marker = Path.Combine(site.Root, "output", ".backsitegen-output");
        var lines = File.ReadAllLines(marker);
        var at = Array.FindIndex(lines, l => l.StartsWith($"pages {BackSiteGen.Site.PageCache.Version} ", StringComparison.Ordinal));
        if (at < 0)
        {
            return false;
        }

        var chars = lines[at].ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        lines[at] = new string(chars);
        File.WriteAllLines(marker, lines);
        return true;
    }

    /// <summary>What a build printed, but for what differs between any two builds: its time, the folder it went to, the
    /// progress line, and the notes about the output folder itself (kept whole, a record ignored).</summary>
    private static List<string> Printed(string output, bool findingsOnly = false) =>
        WithoutTimings(output.Split('\n'))
            .Where(l => !l.Contains("BSG0950", StringComparison.Ordinal) && !l.Contains("BSG0952", StringComparison.Ordinal) && !l.StartsWith("rendered ", StringComparison.Ordinal))
            .Where(l => !findingsOnly || Regex.IsMatch(l, @": (info|warning|error) BSG|^\d+ pages, "))
            .Select(l => Regex.Replace(l, @" in [0-9.]+ s: .*$", string.Empty))
            .ToList();

    private static IEnumerable<string> WithoutTimings(IEnumerable<string> lines)
    {
        var inTimings = false;
        foreach (var line in lines)
        {
            inTimings |= line.StartsWith("stage ", StringComparison.Ordinal);
            if (!inTimings)
            {
                yield return line;
            }

            inTimings &= !line.StartsWith("allocated ", StringComparison.Ordinal);
        }
    }
}
