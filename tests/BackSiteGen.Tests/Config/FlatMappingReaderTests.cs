using BackSiteGen.Config;
using CsCheck;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackSiteGen.Tests.Config;

public sealed class FlatMappingReaderTests
{
    private static readonly Gen<string> Key = Gen.OneOf(
        Gen.OneOf<string>("title", "description", "order", "a", "a-b", "_x", "x1", "1a", "-a", "a b", "é", ""),
        Gen.String[Gen.Char["ab_-1 "], 0, 4]);

    private static readonly Gen<string> Separator = Gen.OneOf<string>(": ", ":  ", ":", " : ", ":\t", ": \t", "::");

    private static readonly Gen<string> Chars = Gen.String[Gen.Char["aZ09 -:#\"'\\\t,.[]{}&*!|>%@`~\u00A0é\u0085\u2028\uFEFF\u00E9\u4E2D"], 0, 8];

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOf<string>("Sample page", "2026-01-10", "1", "-1", "true", "null", "~", "", "a: b", "a:b", "a #b", "a#b", "x ", "\"\"", "\"a\\\"b\"", "'a'", "[a, b]", "{a: 1}", "&a x", "*a", "!!str 1", "|", ">", "https://x.org/a?b=c", "/a/b/", "(a)", ".5", "_a", "$a", "+1", "=", "a  b", "Pain, part 00001"),
        Chars,
        Chars.Select(s => "\"" + s + "\""),
        Chars.Select(s => "a" + s));

    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.Select(Key, Separator, Value).Select((k, s, v) => k + s + v),
        Gen.OneOf<string>("", " ", "# comment", "  indented: 1", "- item", "title: A", "---", "..."));

    // Lines with a plain key and ': ', so that texts of only such lines, which the reader may accept, come up often.
    private static readonly Gen<string> KeyLine = Gen.Select(Gen.OneOf<string>("title", "a-b", "_x", "x1"), Gen.OneOf<string>(": ", ":  "), Value)
        .Select((k, s, v) => k + s + v);

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Select(Line.Array[0, 6], Gen.OneOf<string>("\n", "", " \n")).Select((lines, end) => string.Join('\n', lines) + end),
        KeyLine.Array[1, 4].Select(lines => string.Join('\n', lines) + "\n"));

    [Fact]
    public void Reads_exactly_the_events_yamldotnet_reads_whenever_it_accepts_the_text()
    {
        var accepted = 0;
        Text.Sample(text =>
        {
            var events = new List<ParsingEvent>();
            if (!FlatMappingReader.TryRead(text, events))
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            AssertSameEvents(YamlDotNetEvents(text), events);
        }, iter: 50_000);

        // The generator must reach the accepted shape often enough for the comparison to mean something.
        Assert.True(accepted > 500, $"only {accepted} texts were read by the flat reader");
    }

    [Theory]
    [InlineData("title: \"Pain and the weather, part 00001\"\ndescription: \"Plain help: what to do.\"\norder: 1\nreviewed_by: Corpus team\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n")]
    [InlineData("title: Café au lait\ndescription: A page\ndraft: true\npermalink: /a/b/\n")]
    public void Reads_the_usual_front_matter_itself(string text)
    {
        var events = new List<ParsingEvent>();

        Assert.True(FlatMappingReader.TryRead(text, events));
        AssertSameEvents(YamlDotNetEvents(text), events);
    }

    [Theory]
    [InlineData("title: A\ntitle: B\n")]
    [InlineData("title: A\n\ndescription: B\n")]
    [InlineData("title: A # note\n")]
    [InlineData("title:\n")]
    [InlineData("title: A\n  continued\n")]
    [InlineData("title: A")]
    [InlineData("title: \"A\\nB\"\n")]
    [InlineData("title: A\r\n")]
    [InlineData("")]
    public void Leaves_anything_else_to_yamldotnet(string text) =>
        Assert.False(FlatMappingReader.TryRead(text, []));

    private static void AssertSameEvents(List<ParsingEvent> expected, List<ParsingEvent> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.Equal(Describe(expected[i]), Describe(actual[i]));
        }

        Assert.Equal(expected.Count, actual.Count);
    }

    private static List<ParsingEvent> YamlDotNetEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
        }

        return events;
    }

    private static string Describe(ParsingEvent e)
    {
        var detail = e switch
        {
            Scalar s => $"'{s.Value}' {s.Style} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} key={s.IsKey} tag={s.Tag} anchor={s.Anchor}",
            MappingStart m => $"{m.Style} implicit={m.IsImplicit} tag={m.Tag} anchor={m.Anchor}",
            DocumentStart d => $"implicit={d.IsImplicit} version={d.Version?.Version} tags={d.Tags?.Count}",
            DocumentEnd d => $"implicit={d.IsImplicit}",
            _ => string.Empty,
        };
        return $"{e.GetType().Name} {e.Start.Index}/{e.Start.Line}/{e.Start.Column}-{e.End.Index}/{e.End.Line}/{e.End.Column} {detail}";
    }
}
