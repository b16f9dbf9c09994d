namespace BackSiteGen.Corpus;

internal sealed record FrontMatter(string Title, string Description, int Order);

/// <summary>
/// What differs between the two copies of the corpus. Everything else, the text included, comes
/// from the same random streams, so both tools are given the same pages.
/// </summary>
internal interface IMarkupDialect
{
    /// <summary>Path of the page's file inside the content folder, with '/' separators.</summary>
    string FilePath(Location page);

    string FrontMatter(FrontMatter meta);

    string Href(Location from, Location to, string? anchor);

    string Citation(IReadOnlyList<Reference> references);

    /// <summary>Text to end the page with, given the references it cited (may be empty).</summary>
    string ReferenceList(IReadOnlyCollection<Reference> cited);
}
