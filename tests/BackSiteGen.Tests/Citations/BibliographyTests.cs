using BackSiteGen.Citations;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Tests.Citations;

public sealed class BibliographyTests
{
    private static (Bibliography Bibliography, IReadOnlyList<string> Lines) Parse(string text, string path = "content/references.yaml", string[]? cited = null)
    {
        var diagnostics = new DiagnosticBag();
        var bibliography = BibliographyLoader.Parse(text, path, diagnostics);
        bibliography.ReportEntryProblems(new HashSet<string>(cited ?? [], StringComparer.Ordinal), diagnostics);
        return (bibliography, diagnostics.ToSortedList().Select(DiagnosticFormatter.ToMsBuild).ToList());
    }

    [Fact]
    public void Bad_entries_are_reported_at_their_lines_as_errors_when_cited_and_as_warnings_when_not()
    {
        var (bibliography, lines) = Parse("""
            references:
              - id: a
                title: A
                issued: {date-parts: [[2020]]}
                DOI: 10.1000/x
              - id: a
                title: A again
                issued: {date-parts: [[2021]]}
              - id: notitle
                issued: {date-parts: [[2020]]}
              - id: noyear
                title: No year
              - id: baddoi
                title: Bad DOI
                issued: 2020
                DOI: https://doi.org/10.1000/y
              - just text
              - title: No id
                issued: 2020
              - id: baddate
                title: Bad date
                issued: {date-parts: [[2020, 17]]}
            """,
            cited: ["a", "notitle", "noyear"]);

        Assert.Equal(
            [
                "content/references.yaml(6,9): error BSG0503: The id 'a' is already used by the source at line 2; give each source its own id.",
                "content/references.yaml(9,9): error BSG0504: The source 'notitle' has no title.",
                "content/references.yaml(11,9): error BSG0504: The source 'noyear' has no year: add 'issued: {date-parts: [[2024]]}'.",
                "content/references.yaml(16,10): warning BSG0505: The DOI 'https://doi.org/10.1000/y' of 'baddoi' is not of the form 10.<digits>/<suffix>. Write the DOI alone, without https://doi.org/.",
                "content/references.yaml(17,5): warning BSG0502: Each source must be a mapping of CSL fields (id, type, author, title, …). (No page can cite it.)",
                "content/references.yaml(18,5): warning BSG0502: This source has no 'id'; citations need one to name it. (No page can cite it.)",
                "content/references.yaml(22,13): warning BSG0502: 'issued' must be a date such as {date-parts: [[2024, 3, 1]]}, 2024-03-01, [{year: 2024, month: 3}] or {literal: …}. (No page cites 'baddate', so this is a warning.)",
            ],
            lines);
        Assert.Equal(["a", "notitle", "noyear", "baddoi", "baddate"], bibliography.References.Select(r => r.Id));
        Assert.Equal("A", bibliography.Find("a")!.Title);
    }

    [Fact]
    public void A_bibliography_that_does_not_parse_is_an_error_at_its_line_and_column()
    {
        var (bibliography, lines) = Parse("""
            references:
              - id: a
                title: "unclosed
              - id: b
            """);

        var line = Assert.Single(lines);
        Assert.StartsWith("content/references.yaml(", line, StringComparison.Ordinal);
        Assert.Contains("): error BSG0501: Invalid YAML:", line, StringComparison.Ordinal);
        Assert.Empty(bibliography.References);
    }

    [Fact]
    public void A_bibliography_that_is_not_a_list_is_an_error()
    {
        var (_, lines) = Parse("title: not a bibliography\n");

        Assert.Equal(["content/references.yaml(1,1): error BSG0502: The bibliography must be a 'references:' list (CSL-YAML) or a list of sources (CSL-JSON)."], lines);
    }

    [Fact]
    public void Csl_json_reads_into_the_same_model_with_positions()
    {
        const string yaml = """
            references:
              - id: lorio2020
                type: article-journal
                author: [{family: Lorio, given: M.}, {literal: ISASS}]
                title: A guideline
                container-title-short: Int J Spine Surg
                issued: {date-parts: [[2020, 2, 1]]}
                volume: "14"
                issue: "1"
                page: 18-25
                DOI: 10.14444/7002
            """;
        const string json = "[\n\t{\n\t\t\"id\": \"lorio2020\", \"type\": \"article-journal\",\n\t\t\"author\": [{\"family\":\"Lorio\",\"given\":\"M.\"}, {\"literal\": \"ISASS\"}],\n\t\t\"title\": \"A guideline\", \"container-title-short\": \"Int J Spine Surg\",\n\t\t\"issued\": {\"date-parts\": [[2020, 2, 1]]}, \"volume\": 14, \"issue\": \"1\", \"page\": \"18-25\", \"DOI\": \"10.14444\\/7002\"\n\t}\n]\n";

        var (fromYaml, yamlLines) = Parse(yaml);
        var (fromJson, jsonLines) = Parse(json, "content/references.json");

        Assert.Empty(yamlLines);
        Assert.Empty(jsonLines);
        Assert.Equal(AmaFormatter.Html(fromYaml.References[0]), AmaFormatter.Html(fromJson.References[0]));
        Assert.Equal(new SourceSpan("content/references.json", 3, 9), fromJson.References[0].Span);
    }

    [Fact]
    public void Invalid_json_is_an_error_at_its_line_and_column_even_where_yaml_would_accept_it()
    {
        var (_, lines) = Parse("[\n  {\"id\": 'a'}\n]\n", "content/references.json");

        var line = Assert.Single(lines);
        Assert.StartsWith("content/references.json(2,10): error BSG0501: Invalid JSON:", line, StringComparison.Ordinal);
    }
}
