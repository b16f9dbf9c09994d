using BackSiteGen.Checks;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Site;
using BenchmarkDotNet.Attributes;

namespace BackSiteGen.Benchmarks;

/// <summary>The per-page hot stages, measured on one corpus-shaped page.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string _root = string.Empty;
    private SiteContext _site = null!;
    private PageText _page = null!;
    private string _text = string.Empty;
    private string _html = string.Empty;
    private SourceFile _source = null!;
    private string _frontMatter = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "bsg-bench-" + Environment.ProcessId);
        var content = Path.Combine(_root, "content");
        Directory.CreateDirectory(content);
        _text = SamplePage.Text;
        File.WriteAllText(Path.Combine(content, "index.md"), "---\ntitle: Home\ndescription: Home\n---\nHome.\n");
        File.WriteAllText(Path.Combine(content, "other.md"), _text.Replace("Sample page", "Other page", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(content, "sample.md"), _text);
        var theme = FindTheme();
        var diagnostics = new DiagnosticBag();
        _site = SiteBuilder.Load(new BuildOptions("content", theme, "output", WorkingDirectory: _root), diagnostics, PageBodies.InMemory())
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics.ToSortedList()));
        _page = _site.Bodies.Read(_site.Index.PageAt("sample.md")!, diagnostics)!;
        _html = PageRenderer.Render(_page, _site, new DiagnosticBag())!.Html;
        _source = new SourceFile("corpus.md", Path.Combine(content, "corpus.md"), "content/corpus.md");
        File.WriteAllText(_source.FullPath, CorpusPage());
        _frontMatter = FrontMatterParser.Split(_text)!.Value.FrontMatterText!;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>The whole "read pages" stage for one page the size of the corpus pages (about 6 KB, 7 keys): read and decode the file, split, guard and parse the front matter.</summary>
    [Benchmark]
    public PageText? ReadPage() => SiteBuilder.ReadPage(_source, new DiagnosticBag());

    [Benchmark]
    public string? SourceTextRead() => SourceText.Read(_source.FullPath, _source.DisplayPath, new DiagnosticBag());

    [Benchmark]
    public (string Message, long Line, long Column)? YamlShapeCheck() => YamlShapeGuard.Check(_frontMatter);

    [Benchmark]
    public SplitPage? FrontMatterSplit() => FrontMatterParser.Split(_text);

    [Benchmark]
    public FrontMatter? FrontMatterParse() => FrontMatterParser.Parse(FrontMatterParser.Split(_text)!.Value, "sample.md", new DiagnosticBag());

    [Benchmark]
    public RenderedContent MarkdownRender() => _site.Markdown.Render(_page, _site.Index, new DiagnosticBag());

    [Benchmark]
    public RenderedPage? MarkdownAndTemplateRender() => PageRenderer.Render(_page, _site, new DiagnosticBag());

    /// <summary>The facts of the rendered page (theme CSS inlined in a style block, nav, content links and ids).</summary>
    [Benchmark]
    public HtmlFacts LinkFacts() => HtmlFactsExtractor.Extract(_html, "sample/index.html");

    /// <summary>A page shaped like tests/bench corpus pages: quoted title and description, a body of about 6 KB.</summary>
    private static string CorpusPage()
    {
        var body = SamplePage.Text[(SamplePage.Text.IndexOf("\n---\n", StringComparison.Ordinal) + 5)..];
        return "---\ntitle: \"Pain and the weather, part 00001\"\ndescription: \"Plain help on pain and the weather: what to do, what to avoid and when to get care.\"\n"
            + "order: 1\nreviewed_by: Corpus team\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\n" + body + body + "A friend can use a break [@ref-17; @ref-19].\n";
    }

    private static string FindTheme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var theme = Path.Combine(dir.FullName, "themes", "default");
            if (File.Exists(Path.Combine(dir.FullName, "BackSiteGen.sln")) && Directory.Exists(theme))
            {
                return theme;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
