using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;
using CsCheck;

namespace BackSiteGen.Tests.Properties;

public sealed class FrontMatterSplitProperties
{
    [Fact]
    public void Split_never_throws_and_keeps_every_body_character()
    {
        Generators.Text.Sample(text =>
        {
            if (FrontMatterParser.Split(text) is { } split)
            {
                Assert.EndsWith(split.Body, text, StringComparison.Ordinal);
                Assert.True(split.BodyLine >= 1);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Front_matter_and_body_round_trip_and_body_line_counts_from_the_file()
    {
        Gen.Select(Generators.FrontMatterLine.Array[0, 8], Generators.Text).Sample((fmLines, body) =>
        {
            var frontMatter = string.Concat(fmLines.Select(l => l + "\n"));
            var text = "---\n" + frontMatter + "---\n" + body;

            var split = FrontMatterParser.Split(text);

            Assert.NotNull(split);
            Assert.Equal(frontMatter, split.Value.FrontMatterText);
            Assert.Equal(body, split.Value.Body);
            Assert.Equal(fmLines.Length + 3, split.Value.BodyLine);
        }, iter: 2_000);
    }

    [Fact]
    public void Text_without_an_opening_fence_is_all_body()
    {
        Generators.Text.Where(t => !t.StartsWith("---", StringComparison.Ordinal)).Sample(text =>
        {
            Assert.Equal(new SplitPage(null, text, 1, 0), FrontMatterParser.Split(text));
        }, iter: 1_000);
    }

    /// <summary>A build decodes only the start of each page when it first reads it (the body is read again when the page
    /// renders): the front matter, its lines and the findings must be those of reading the whole file.</summary>
    [Fact]
    public void Reading_only_the_start_of_a_page_finds_what_reading_it_whole_finds()
    {
        var bytes = Gen.OneOf(
            Generators.Text.Select(t => Encoding.UTF8.GetBytes(t)),
            Gen.Select(Generators.Text, Gen.Byte, Gen.Int[0, 40]).Select((t, b, at) => Encoding.UTF8.GetBytes(t) is var x && x.Length > 0 ? [.. x[..Math.Min(at, x.Length)], b, .. x[Math.Min(at, x.Length)..]] : x),
            Gen.Select(Generators.FrontMatterLine.Array[0, 5], Generators.Text, Gen.Bool).Select((fm, body, bom) =>
                (byte[])[.. bom ? (byte[])[0xEF, 0xBB, 0xBF] : [], .. Encoding.UTF8.GetBytes("---\n" + string.Concat(fm.Select(l => l + "\n")) + "---\n" + body)]));
        var folder = Directory.CreateTempSubdirectory("bsg-start-").FullName;
        try
        {
            // Samples run on several threads at once: each thread has its own file.
            bytes.Sample(content =>
            {
                var path = Path.Combine(folder, Environment.CurrentManagedThreadId + ".md");
                File.WriteAllBytes(path, content);
                var (wholeFindings, startFindings) = (new DiagnosticBag(), new DiagnosticBag());
                var whole = SourceText.Read(path, "a.md", wholeFindings);
                var start = SourceText.ReadStart(path, "a.md", startFindings, InputFingerprint.Cut);
                Assert.Equal(wholeFindings.ToSortedList(), startFindings.ToSortedList());
                Assert.Equal(whole is null, start is null);
                if (whole is not null)
                {
                    Assert.Equal(string.IsNullOrWhiteSpace(whole), string.IsNullOrWhiteSpace(start));
                    var (a, b) = (FrontMatterParser.Split(whole), FrontMatterParser.Split(start!));
                    Assert.Equal(a is null, b is null);
                    Assert.Equal((a?.FrontMatterText, a?.BodyLine, a?.FrontMatterLine), (b?.FrontMatterText, b?.BodyLine, b?.FrontMatterLine));
                }
            }, iter: 3_000);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
