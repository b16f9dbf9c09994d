using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Markdown;

/// <summary>Runs the examples of Containers.spec.md: the Markdown a writer types, the HTML the theme receives and,
/// after a second '.', the container diagnostics (BSG08xx) the writer sees, as "(line,column): severity code".</summary>
public sealed class ContainerSpecTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string>();
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Markdown", "Containers.spec.md"));
        string? title = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                title = lines[i][3..];
            }
            else if (lines[i] == "~~~~ example")
            {
                var end = Array.IndexOf(lines, "~~~~", i);
                var body = lines[(i + 1)..end];
                var dot = Array.IndexOf(body, ".");
                var second = Array.IndexOf(body, ".", dot + 1);
                var html = second < 0 ? body[(dot + 1)..] : body[(dot + 1)..second];
                var expected = second < 0 ? [] : body[(second + 1)..];
                data.Add($"{title} (line {i + 1})", string.Join('\n', body[..dot]) + "\n", string.Join('\n', html) + "\n", string.Join('\n', expected));
                i = end;
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_the_spec_says(string example, string markdown, string html, string diagnostics)
    {
        Assert.False(string.IsNullOrEmpty(example));
        Assert.Equal(html, Markdig.Markdown.ToHtml(markdown, Renderer.Pipeline));
        Assert.Equal(diagnostics, string.Join('\n', ContainerDiagnostics(markdown)));
    }

    /// <summary>The BSG08xx diagnostics of the Markdown as the body of a page that starts at line 1.</summary>
    private static IEnumerable<string> ContainerDiagnostics(string markdown)
    {
        var frontMatter = new FrontMatter("T", "D", null, null, false, null, null, null, null, null, null, null, new Dictionary<string, object?>(), new Dictionary<string, SourceSpan>());
        var page = new Page(new SourceFile("spec.md", "/spec.md", "spec.md"), frontMatter, 1, "/spec/", "spec/index.html", string.Empty);
        var bag = new DiagnosticBag();
        Renderer.Render(new PageText(page, markdown), new SiteIndex([page], new Dictionary<string, string>(), "/"), bag);
        return bag.ToSortedList()
            .Where(d => d.Code.StartsWith("BSG08", StringComparison.Ordinal))
            .Select(d => $"({d.Span.Line},{d.Span.Column}): {(d.Severity == Severity.Error ? "error" : d.Severity == Severity.Warning ? "warning" : "info")} {d.Code}");
    }

    [Fact]
    public void An_unknown_container_is_a_warning_at_its_line_with_a_suggestion()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: T
            description: D
            base_url: https://example.org/
            -- content/index.md --
            ---
            title: Home
            description: Home page.
            ---
            Intro.

            :::tipp
            Hello.
            :::
            """);
        var result = site.Build();
        var line = Assert.Single(result.Lines(), l => l.Contains("BSG0801", StringComparison.Ordinal));
        Assert.StartsWith("content/index.md(7,1): warning BSG0801: The container ':::tipp' is not one the theme knows; did you mean ':::tip'?", line, StringComparison.Ordinal);
        Assert.False(site.Build(strict: true).Succeeded);
    }
}
