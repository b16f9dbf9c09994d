using BackSiteGen.Markdown.Citations;
using BackSiteGen.Tests.Infrastructure;
using Markdig;

namespace BackSiteGen.Tests.Citations;

/// <summary>Runs the examples of specs.md, Markdig's spec format: Markdown, a "." line, the expected HTML.</summary>
public sealed class CitationSpecTests
{
    private const string Fence = "````````````````````````````````";

    private static readonly MarkdownPipeline Pipeline = CitationMarkdownExtensions.UseCitations(new MarkdownPipelineBuilder().UsePipeTables()).Build();

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Citations", "specs.md"));
        var heading = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                heading = lines[i][3..];
            }

            if (lines[i] != Fence + " example")
            {
                continue;
            }

            var markdown = new List<string>();
            var html = new List<string>();
            var target = markdown;
            for (i++; lines[i] != Fence; i++)
            {
                if (lines[i] == "." && target == markdown)
                {
                    target = html;
                    continue;
                }

                target.Add(lines[i]);
            }

            data.Add($"{heading} (line {i})", string.Join('\n', markdown) + "\n", string.Join('\n', html) + "\n");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string name, string markdown, string html)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(html, Markdig.Markdown.ToHtml(markdown, Pipeline));
    }

    [Fact]
    public void The_spec_file_has_examples() => Assert.True(Examples().Count >= 10);

    [Fact]
    public void Numbering_restarts_on_every_document_rendered_in_parallel()
    {
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Markdig.Markdown.ToHtml(i % 2 == 0 ? "[@x] [@y]" : "[@y]", Pipeline));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Contains(i % 2 == 0 ? "aria-label=\"Reference 2\">2</a>" : "id=\"cite-y\" href=\"#ref-y\" aria-label=\"Reference 1\">1</a>", results[i], StringComparison.Ordinal);
        }
    }
}
