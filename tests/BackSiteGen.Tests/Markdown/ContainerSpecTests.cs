using BackSiteGen.Markdown;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Markdown;

/// <summary>Runs the examples of Containers.spec.md: the Markdown a writer types and the HTML the theme receives.</summary>
public sealed class ContainerSpecTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
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
                data.Add($"{title} (line {i + 1})", string.Join('\n', body[..dot]) + "\n", string.Join('\n', body[(dot + 1)..]) + "\n");
                i = end;
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_the_spec_says(string example, string markdown, string html)
    {
        Assert.False(string.IsNullOrEmpty(example));
        Assert.Equal(html, Markdig.Markdown.ToHtml(markdown, Renderer.Pipeline));
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
