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

    private static bool SameFiles(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Keys.SequenceEqual(b.Keys) && a.All(f => f.Value.AsSpan().SequenceEqual(b[f.Key]));
}
