using BackSiteGen.Citations;

namespace BackSiteGen.Tests.Citations;

/// <summary>Each kind of source and each AMA rule against its golden in ama-goldens.yaml, byte for byte.</summary>
public sealed class AmaGoldenTests
{
    [Theory]
    [MemberData(nameof(AmaGoldens.Ids), MemberType = typeof(AmaGoldens))]
    public void Entry_matches_its_golden(string id)
    {
        var golden = AmaGoldens.All.Single(g => g.Reference.Id == id);
        Assert.Equal(golden.Ama, AmaFormatter.Html(golden.Reference));
    }

    [Fact]
    public void Every_kind_of_source_the_site_may_cite_has_a_golden()
    {
        var types = AmaGoldens.All.Select(g => g.Reference.Type).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["article-journal", "book", "chapter", "report", "webpage", "entry-encyclopedia", "article-newspaper", "thesis", "dataset", "legal_case", "pamphlet", "article-magazine", "paper-conference"], StringComparer.Ordinal), types);
    }

    [Fact]
    public void Every_difference_from_pandoc_says_why()
    {
        Assert.All(AmaGoldens.All.Where(g => g.Pandoc is not null), g => Assert.False(string.IsNullOrWhiteSpace(g.Why), g.Reference.Id));
    }
}
