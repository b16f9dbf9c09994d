using System.Text;

namespace BackSiteGen.Corpus;

/// <summary>
/// Hugo's copy: root-relative pretty URLs, and citations as plain <c>[n]</c> markers with the
/// reference list written into the page, so Hugo renders about the same HTML volume as our
/// generator does with its bibliography.
/// </summary>
internal sealed class HugoDialect(SiteShape shape) : IMarkupDialect
{
    public string FilePath(Location page) => page switch
    {
        { IsHome: true } => "_index.md",
        { IsOverview: true } => $"{shape.SectionSlug(page.Section)}/_index.md",
        _ => $"{shape.SectionSlug(page.Section)}/{shape.PageSlug(page.Page)}.md",
    };

    public string FrontMatter(FrontMatter meta) =>
        $"""
        ---
        title: "{meta.Title}"
        description: "{meta.Description}"
        weight: {meta.Order}
        ---

        """;

    public string Href(Location from, Location to, string? anchor)
    {
        var path = to switch
        {
            { IsHome: true } => "/",
            { IsOverview: true } => $"/{shape.SectionSlug(to.Section)}/",
            _ => $"/{shape.SectionSlug(to.Section)}/{shape.PageSlug(to.Page)}/",
        };
        return anchor is null ? path : $"{path}#{anchor}";
    }

    public string Citation(IReadOnlyList<Reference> references) =>
        "[" + string.Join(", ", references.Select(r => r.Number)) + "]";

    public string ReferenceList(IReadOnlyCollection<Reference> cited)
    {
        if (cited.Count == 0)
        {
            return "";
        }
        var list = new StringBuilder("\n## References\n\n");
        foreach (var reference in cited.OrderBy(r => r.Number))
        {
            list.Append("- [").Append(reference.Number).Append("] ")
                .Append(ReferenceLibrary.ToCitationText(reference)).Append('\n');
        }
        return list.ToString();
    }
}
