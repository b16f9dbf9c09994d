using System.Text;

namespace BackSiteGen.Corpus;

/// <summary>
/// Our format: links are relative .md paths as GitHub renders them, citations are pandoc's
/// <c>[@id]</c>, and the generator itself renders the bibliography.
/// </summary>
internal sealed class BackSiteGenDialect(SiteShape shape) : IMarkupDialect
{
    public string FilePath(Location page) => page switch
    {
        { IsHome: true } => "index.md",
        { IsOverview: true } => $"{shape.SectionSlug(page.Section)}/index.md",
        _ => $"{shape.SectionSlug(page.Section)}/{shape.PageSlug(page.Page)}.md",
    };

    public string FrontMatter(FrontMatter meta) =>
        $"""
        ---
        title: "{meta.Title}"
        description: "{meta.Description}"
        order: {meta.Order}
        reviewed_by: Corpus team
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---

        """;

    public string Href(Location from, Location to, string? anchor)
    {
        var file = FilePath(to);
        if (!from.IsHome)
        {
            // Section overviews and pages share their section's folder.
            var prefix = shape.SectionSlug(from.Section) + "/";
            file = file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : "../" + file;
        }
        return anchor is null ? file : $"{file}#{anchor}";
    }

    public string Citation(IReadOnlyList<Reference> references)
    {
        var citation = new StringBuilder("[");
        for (var i = 0; i < references.Count; i++)
        {
            citation.Append(i == 0 ? "@" : "; @").Append(references[i].Id);
        }
        return citation.Append(']').ToString();
    }

    public string ReferenceList(IReadOnlyCollection<Reference> cited) => "";
}
