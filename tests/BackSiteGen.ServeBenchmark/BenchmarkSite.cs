using System.Globalization;
using System.Text;

namespace BackSiteGen.ServeBenchmark;

/// <summary>A site to measure on, in a temporary folder: a copy of the microsite, or a generated site of N pages.</summary>
internal sealed class BenchmarkSite : IDisposable
{
    private BenchmarkSite(string root, string editedPage, string editedUrl)
    {
        Root = root;
        EditedPage = editedPage;
        EditedUrl = editedUrl;
    }

    public string Root { get; }

    /// <summary>The page the benchmark edits, relative to <see cref="Root"/>.</summary>
    public string EditedPage { get; }

    public string EditedUrl { get; }

    public static BenchmarkSite Microsite(string repository)
    {
        var root = NewRoot();
        CopyFolder(Path.Combine(repository, "content"), Path.Combine(root, "content"));
        CopyFolder(Path.Combine(repository, "themes", "default"), Path.Combine(root, "themes", "default"));

        // A page four others link to: its edit re-renders five pages, a realistic case rather than the cheapest.
        return new BenchmarkSite(root, "content/condition/causes.md", "/condition/causes/");
    }

    /// <summary>Sections of 50 pages, each page a few hundred words with headings, a list and links to its neighbours.</summary>
    public static BenchmarkSite Generated(string repository, int pages)
    {
        var root = NewRoot();
        CopyFolder(Path.Combine(repository, "themes", "default"), Path.Combine(root, "themes", "default"));
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "site.yml"), "title: Generated site\ndescription: A site for measuring serve.\nbase_url: https://example.org/\npublisher: { name: Benchmark publisher }\neditorial_team: Benchmark review team\n");
        File.WriteAllText(Path.Combine(content, "index.md"), "---\ntitle: Home\ndescription: The generated site's home.\n" + Reviewed + "---\nWelcome.\n");
        const int perSection = 50;
        var sections = (pages + perSection - 1) / perSection;
        var written = 0;
        for (var s = 0; s < sections && written < pages; s++)
        {
            var folder = Path.Combine(content, $"section-{s:D2}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "index.md"), $"---\ntitle: Section {s}\ndescription: Pages of section {s}.\norder: {s}\n{Reviewed}---\nThe pages of section {s}.\n");
            for (var p = 0; p < perSection && written < pages; p++, written++)
            {
                File.WriteAllText(Path.Combine(folder, $"page-{p:D2}.md"), Page(s, p, perSection, "first"));
            }
        }

        var middle = sections / 2;
        return new BenchmarkSite(root, $"content/section-{middle:D2}/page-25.md", $"/section-{middle:D2}/page-25/");
    }

    /// <summary>Every page needs its review dates, as on a real site.</summary>
    private const string Reviewed = "last_reviewed: 2026-11-20\nnext_review: 2028-11-20\n";

    public static string Page(int section, int page, int perSection, string marker)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"---\ntitle: Page {section}.{page}\ndescription: Generated page {page} of section {section}.\norder: {page}\n{Reviewed}---\n");
        sb.Append(CultureInfo.InvariantCulture, $"Edit marker: {marker}.\n\n");
        for (var h = 1; h <= 4; h++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## Part {h}\n\n");
            sb.Append("Back pain that sits deep in the middle of the lower back often gets better with gentle movement, ");
            sb.Append("good sleep and time. This paragraph is here so the page has the length of a real one, with *emphasis*, ");
            sb.Append("**strong words** and `code`.\n\n- One point to remember.\n- Another point.\n- A third point.\n\n");
            var next = (page + h) % perSection;
            sb.Append(CultureInfo.InvariantCulture, $"See [page {next}](page-{next:D2}.md#part-{h}) and [the section](index.md).\n\n");
        }

        return sb.ToString();
    }

    /// <summary>The edited page's text with a new marker, keeping its front matter, so the edit is a text-only edit.</summary>
    public string WithMarker(string marker)
    {
        var path = Path.Combine(Root, EditedPage);
        var text = File.ReadAllText(path);
        var start = text.IndexOf("Edit marker: ", StringComparison.Ordinal);
        if (start < 0)
        {
            var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
            return text.Insert(body, $"Edit marker: {marker}.\n\n");
        }

        var end = text.IndexOf('\n', start);
        return string.Concat(text.AsSpan(0, start), $"Edit marker: {marker}.", text.AsSpan(end));
    }

    private static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "bsg-serve-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        return root;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
