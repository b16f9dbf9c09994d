namespace BackSiteGen.Corpus;

internal sealed record Author(string Family, string Given);

internal sealed record Reference(
    int Number,
    IReadOnlyList<Author> Authors,
    string Title,
    string Journal,
    string JournalShort,
    int Year,
    int Volume,
    int Issue,
    string Pages)
{
    public string Id => $"ref-{Number}";

    public string Doi => $"10.5555/corpus.{Number}";
}
