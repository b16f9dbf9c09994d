using System.Text;

namespace BackSiteGen.Corpus;

/// <summary>The synthetic bibliography every page cites from; fixed, so it needs no seed.</summary>
internal static class ReferenceLibrary
{
    public const int Count = 20;

    private static readonly string[] Families =
    [
        "Hart", "Moss", "Reed", "Lane", "Park", "Shaw", "Wood", "Cole", "Ford", "Gray", "Hunt", "Kerr",
    ];

    private static readonly (string Title, string Short)[] Journals =
    [
        ("Journal of Back Care", "J Back Care"),
        ("Spine Practice Review", "Spine Pract Rev"),
        ("Primary Care Reports", "Prim Care Rep"),
        ("Journal of Plain Health Writing", "J Plain Health Writ"),
    ];

    private static readonly string[] Subjects =
    [
        "walking", "sleep", "heat packs", "desk work", "lifting", "stretching", "pacing", "stress",
        "swimming", "pain diaries",
    ];

    public static IReadOnlyList<Reference> All { get; } = [.. Enumerable.Range(1, Count).Select(Create)];

    public static Reference Get(int number) => All[number - 1];

    private static Reference Create(int n)
    {
        var authors = Enumerable.Range(0, 1 + n % 3)
            .Select(i => new Author(Families[(n * 5 + i * 7) % Families.Length], i % 2 == 0 ? "A." : "B. C."))
            .ToArray();
        var journal = Journals[n % Journals.Length];
        var firstPage = 100 + n * 13;
        return new Reference(
            n,
            authors,
            $"A trial of {Subjects[n % Subjects.Length]} for low back pain, study {n}",
            journal.Title,
            journal.Short,
            Year: 2000 + n,
            Volume: 10 + n,
            Issue: 1 + n % 4,
            Pages: $"{firstPage}-{firstPage + 9}");
    }

    /// <summary>CSL-YAML in pandoc's layout: a top-level <c>references:</c> list.</summary>
    public static string ToCslYaml()
    {
        var yaml = new StringBuilder("references:\n");
        foreach (var reference in All)
        {
            AppendCslYaml(yaml, reference);
        }
        return yaml.ToString();
    }

    private static void AppendCslYaml(StringBuilder yaml, Reference r)
    {
        yaml.Append("  - id: ").Append(r.Id).Append('\n')
            .Append("    type: article-journal\n")
            .Append("    author:\n");
        foreach (var author in r.Authors)
        {
            yaml.Append("      - family: ").Append(author.Family).Append('\n')
                .Append("        given: ").Append(author.Given).Append('\n');
        }
        yaml.Append("    title: \"").Append(r.Title).Append("\"\n")
            .Append("    container-title: ").Append(r.Journal).Append('\n')
            .Append("    container-title-short: ").Append(r.JournalShort).Append('\n')
            .Append("    issued:\n      date-parts:\n        - [").Append(r.Year).Append("]\n")
            .Append("    volume: \"").Append(r.Volume).Append("\"\n")
            .Append("    issue: \"").Append(r.Issue).Append("\"\n")
            .Append("    page: ").Append(r.Pages).Append('\n')
            .Append("    DOI: ").Append(r.Doi).Append("\n\n");
    }

    /// <summary>Vancouver-like one-line entry, for the Hugo pages' own reference lists.</summary>
    public static string ToCitationText(Reference r)
    {
        var authors = string.Join(", ", r.Authors.Select(a => $"{a.Family} {a.Given.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)}"));
        return $"{authors}. {r.Title}. {r.JournalShort}. {r.Year};{r.Volume}({r.Issue}):{r.Pages}. doi:{r.Doi}";
    }
}
