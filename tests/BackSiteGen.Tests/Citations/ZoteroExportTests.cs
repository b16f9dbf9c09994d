using BackSiteGen.Citations;
using BackSiteGen.Diagnostics;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Citations;

/// <summary>Exports in the shapes Zotero and Better BibTeX write (our own entries, in exports/): every date shape, rich
/// text, names with particles and suffixes, and an unusable entry no page cites, which must not fail the build.</summary>
public sealed class ZoteroExportTests
{
    private static (Bibliography Bibliography, List<string> Lines) Load(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Citations", "exports", file));
        var diagnostics = new DiagnosticBag();
        var bibliography = BibliographyLoader.Parse(text, "content/" + file, diagnostics);
        bibliography.ReportEntryProblems(new HashSet<string>(StringComparer.Ordinal), diagnostics);
        return (bibliography, diagnostics.ToSortedList().Select(DiagnosticFormatter.ToMsBuild).ToList());
    }

    private static string Html(Bibliography bibliography, string id) => AmaFormatter.Html(bibliography.Find(id)!);

    public static TheoryData<string, string, string> Entries() => new()
    {
        { "zotero-export.json", "example2020", "Example KU, van Gogh V, van Sample A, Smith J Jr. Endplate changes on MRI: a <i>post hoc</i> analysis of H<sub>2</sub>O signal in mRNA-positive <b>cases</b>. <i>J Ex Stud</i>. 2020;12(3):101-109. doi:<a href=\"https://doi.org/10.1000/example.2020\">10.1000/example.2020</a>" },
        { "zotero-export.json", "range2015", "Editor E, ed. <i>A Book Printed Over Two Years</i>. Example Press; 2014-2015." },
        { "zotero-export.json", "season2017", "A spring issue. <i>Example Magazine</i>. Spring 2017." },
        { "zotero-export.json", "circa1900", "<i>An Undated Pamphlet</i>. Example Society; ca 1900." },
        { "zotero-export.json", "literal13c", "<i>A Manuscript</i>. 13th century." },
        { "zotero-export.json", "raw2019", "A page with a raw date. Example site. Published April 22, 2019. Accessed April 24, 2019. <a href=\"https://site.example.org/raw\">https://site.example.org/raw</a>" },
        { "zotero-export.json", "chapter2011", "Writer W. A chapter. In: Book B. <i>The Companion to Examples</i>. 2 vols. Example Press; 2011:chap 7. Example Series; vol 4." },
        { "bbt-export.yaml", "example2014", "Example A, Sample B. The physical volcanology of the 1600 eruption of <b>Example Mountain</b>, southern Peru. <i>Bulletin of Examples</i>. 2014-2015;62:493-518." },
        { "bbt-export.yaml", "example2017", "<i>A Summer Report</i>. Example Agency; 2017." },
        { "bbt-export.yaml", "example2019", "Example Association. Planning update. Example Association news. Published March 21, 2019. Accessed April 24, 2019. <a href=\"https://association.example.org/news/planning-update\">https://association.example.org/news/planning-update</a>" },
        { "bbt-export.yaml", "example1968", "Schmitt FS, ed. <i>Opera Omnia, a Latin Edition With <sub>Sub</sub> and <sup>Sup</sup> Text</i>. 6 vols. Example Verlag; 1968." },
        { "bbt-export.yaml", "example2016edtf", "An EDTF date. Published ca June 2016." },
    };

    [Fact]
    public void Both_exports_load_and_the_unusable_entry_no_page_cites_is_only_a_warning()
    {
        var (json, jsonLines) = Load("zotero-export.json");
        var (yaml, yamlLines) = Load("bbt-export.yaml");

        Assert.Equal(
            [
                "content/zotero-export.json(74,11): warning BSG0504: The source 'unciteduntitled' has no title. (No page cites 'unciteduntitled', so this is a warning.)",
                "content/zotero-export.json(74,11): warning BSG0504: The source 'unciteduntitled' has no year: add 'issued: {date-parts: [[2024]]}'. (No page cites 'unciteduntitled', so this is a warning.)",
            ],
            jsonLines);
        Assert.Empty(yamlLines);
        Assert.Equal(8, json.References.Count);
        Assert.Equal(5, yaml.References.Count);
    }

    [Fact]
    public void The_same_problem_in_a_cited_entry_is_an_error()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Citations", "exports", "zotero-export.json"));
        var diagnostics = new DiagnosticBag();
        var bibliography = BibliographyLoader.Parse(text, "content/references.json", diagnostics);
        bibliography.ReportEntryProblems(new HashSet<string>(["unciteduntitled"], StringComparer.Ordinal), diagnostics);

        Assert.Equal(
            [
                "content/references.json(74,11): error BSG0504: The source 'unciteduntitled' has no title.",
                "content/references.json(74,11): error BSG0504: The source 'unciteduntitled' has no year: add 'issued: {date-parts: [[2024]]}'.",
            ],
            diagnostics.ToSortedList().Select(DiagnosticFormatter.ToMsBuild));
    }

    [Fact]
    public void Markup_that_is_not_csl_rich_text_is_shown_escaped_and_reported()
    {
        var diagnostics = new DiagnosticBag();
        var bibliography = BibliographyLoader.Parse("""
            [{"id": "x", "type": "article-journal", "title": "A <script>alert(1)</script> and <i>fine</i> title", "container-title": "J", "issued": {"date-parts": [[2020]]}, "volume": "1"}]
            """, "content/references.json", diagnostics);
        bibliography.ReportEntryProblems(new HashSet<string>(StringComparer.Ordinal), diagnostics);

        Assert.Equal("A &lt;script&gt;alert(1)&lt;/script&gt; and <i>fine</i> title. <i>J</i>. 2020;1.", AmaFormatter.Html(bibliography.Find("x")!));
        Assert.Equal(["content/references.json(1,50): warning BSG0514: In 'A <script>alert(1)</script> and <i>fine</i> title': the markup <script> is not CSL rich text (only <i>, <b>, <sub>, <sup>, <span class=\"nocase\"> and small caps); it is shown as text. (No page cites 'x', so this is a warning.)"], diagnostics.ToSortedList().Select(DiagnosticFormatter.ToMsBuild));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_reads_and_prints_in_ama_form(string file, string id, string html)
    {
        var (bibliography, _) = Load(file);
        Assert.Equal(html, Html(bibliography, id));
    }
}
