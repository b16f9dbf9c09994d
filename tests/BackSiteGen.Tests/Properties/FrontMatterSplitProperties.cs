using BackSiteGen.Content;
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
}
