using System.Globalization;
using BackSiteGen.Markdown.Citations;
using BackSiteGen.Tests.Infrastructure;
using Markdig;
using Markdig.Syntax;

namespace BackSiteGen.Tests.Citations;

/// <summary>Runs the examples of the spec files, Markdig's spec format: Markdown, a "." line, the expected HTML, and
/// optionally another "." line and the errors the page reports, one per line as "(line,column): CODE: message".</summary>
public sealed class CitationSpecTests
{
    private const string Fence = "````````````````````````````````";

    private static readonly MarkdownPipeline Pipeline = CitationMarkdownExtensions.UseCitations(new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes()).Build();

    public static TheoryData<string, string, string, string> Examples() => Read("specs.md");

    /// <summary>Every citation example of pandoc's MANUAL ("Citation syntax"), written again here.</summary>
    public static TheoryData<string, string, string, string> ManualExamples() => Read("pandoc-manual-specs.md");

    private static TheoryData<string, string, string, string> Read(string file)
    {
        var data = new TheoryData<string, string, string, string>();
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Citations", file));
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

            var sections = new List<List<string>> { new() };
            for (i++; lines[i] != Fence; i++)
            {
                if (lines[i] == "." && sections.Count < 3)
                {
                    sections.Add([]);
                    continue;
                }

                sections[^1].Add(lines[i]);
            }

            var errors = sections.Count > 2 ? string.Join('\n', sections[2]) : string.Empty;
            data.Add($"{heading} (line {i})", string.Join('\n', sections[0]) + "\n", string.Join('\n', sections[1]) + "\n", errors);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [MemberData(nameof(ManualExamples))]
    public void Example(string name, string markdown, string html, string errors)
    {
        Assert.False(string.IsNullOrEmpty(name));
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        Assert.Equal(errors, Errors(document));
        Assert.Equal(html, Markdig.Markdown.ToHtml(document, Pipeline));
    }

    [Fact]
    public void The_spec_files_have_examples()
    {
        Assert.True(Examples().Count >= 10);
        Assert.True(ManualExamples().Count >= 14);
    }

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

    private static string Errors(MarkdownDocument document)
    {
        var lines = new List<string>();
        foreach (var group in document.Descendants<CitationGroup>())
        {
            if (group.Error is not null)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"({group.Line + 1},{group.Column + 1}): {group.ErrorCode}: {group.Error}"));
            }
        }

        return string.Join('\n', lines);
    }
}
