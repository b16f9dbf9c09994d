using BackSiteGen.Citations;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Tests.Citations;

/// <summary>Golden AMA (11th edition) output for each kind of source the microsite cites, from entries as the
/// content writer wrote them in content/references.yaml.</summary>
public sealed class AmaFormatterTests
{
    private static string Format(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var bibliography = BibliographyLoader.Parse("references:\n" + yaml, "content/references.yaml", diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return AmaFormatter.Html(Assert.Single(bibliography.References));
    }

    [Fact]
    public void Journal_article_with_issue_and_doi()
    {
        var html = Format("""
              - id: lorio2022
                type: article-journal
                author:
                  - {family: Lorio, given: M.}
                  - {family: Clerk-Lamalice, given: O.}
                  - {family: Rivera, given: M.}
                  - {family: Lewandrowski, given: K. U.}
                title: "ISASS policy statement 2022: literature review of intraosseous basivertebral nerve ablation"
                container-title: International Journal of Spine Surgery
                container-title-short: Int J Spine Surg
                issued: {date-parts: [[2022]]}
                volume: "16"
                issue: "6"
                page: 1084-1094
                DOI: 10.14444/8362
            """);

        Assert.Equal("Lorio M, Clerk-Lamalice O, Rivera M, Lewandrowski KU. ISASS policy statement 2022: literature review of intraosseous basivertebral nerve ablation. <i>Int J Spine Surg</i>. 2022;16(6):1084-1094. doi:<a href=\"https://doi.org/10.14444/8362\">10.14444/8362</a>", html);
    }

    [Fact]
    public void Six_authors_are_all_listed_and_a_missing_issue_drops_its_parentheses()
    {
        var html = Format("""
              - id: xu2023
                type: article-journal
                author:
                  - {family: Xu, given: H. R.}
                  - {family: Zhang, given: Y. H.}
                  - {family: Ngo, given: T. L.}
                  - {family: Yang, given: Q. H.}
                  - {family: Du, given: S. H.}
                  - {family: Wang, given: X. Q.}
                title: "Association between smoking and incident back pain: a prospective cohort study with 438 510 participants"
                container-title: Journal of Global Health
                container-title-short: J Glob Health
                issued: {date-parts: [[2023]]}
                volume: "13"
                page: "04152"
                DOI: 10.7189/jogh.13.04152
            """);

        Assert.Equal("Xu HR, Zhang YH, Ngo TL, Yang QH, Du SH, Wang XQ. Association between smoking and incident back pain: a prospective cohort study with 438 510 participants. <i>J Glob Health</i>. 2023;13:04152. doi:<a href=\"https://doi.org/10.7189/jogh.13.04152\">10.7189/jogh.13.04152</a>", html);
    }

    [Fact]
    public void Seven_authors_become_three_and_et_al_and_the_full_journal_title_is_used_without_an_abbreviation()
    {
        var html = Format("""
              - id: big
                type: article-journal
                author: [{family: A, given: Anna}, {family: B, given: Bo}, {family: C, given: Cy}, {family: D, given: Di}, {family: E, given: Ed}, {family: F, given: Flo}, {family: G, given: Gus}]
                title: Does it work?
                container-title: Spine
                issued: {date-parts: [[2020, 5]]}
                volume: "45"
                page: 1-9
            """);

        Assert.Equal("A A, B B, C C, et al. Does it work? <i>Spine</i>. 2020;45:1-9.", html);
    }

    [Fact]
    public void A_group_author_after_individuals_follows_a_semicolon()
    {
        var html = Format("""
              - id: qaseem2017
                type: article-journal
                author:
                  - {family: Qaseem, given: A.}
                  - {family: Wilt, given: T. J.}
                  - {family: McLean, given: R. M.}
                  - {family: Forciea, given: M. A.}
                  - literal: Clinical Guidelines Committee of the American College of Physicians
                title: "Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians"
                container-title-short: Ann Intern Med
                issued: {date-parts: [[2017]]}
                volume: "166"
                issue: "7"
                page: 514-530
                DOI: 10.7326/M16-2367
            """);

        Assert.Equal("Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the American College of Physicians. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. <i>Ann Intern Med</i>. 2017;166(7):514-530. doi:<a href=\"https://doi.org/10.7326/M16-2367\">10.7326/M16-2367</a>", html);
    }

    [Fact]
    public void An_article_without_a_doi_ends_with_its_pages()
    {
        var html = Format("""
              - id: fischgrund2019
                type: article-journal
                author: [{family: Fischgrund, given: J. S.}, {family: Rhyne, given: A.}, {family: Franke, given: J.}]
                title: "Intraosseous basivertebral nerve ablation for the treatment of chronic low back pain: 2-year results"
                container-title-short: Int J Spine Surg
                issued: {date-parts: [[2019]]}
                volume: "13"
                issue: "2"
                page: 110-119
            """);

        Assert.Equal("Fischgrund JS, Rhyne A, Franke J. Intraosseous basivertebral nerve ablation for the treatment of chronic low back pain: 2-year results. <i>Int J Spine Surg</i>. 2019;13(2):110-119.", html);
    }

    [Fact]
    public void An_online_database_topic_shows_its_update_date_and_url()
    {
        var html = Format("""
              - id: chou2025mgmt
                type: entry-encyclopedia
                author: [{family: Chou, given: R.}]
                title: "Subacute and chronic low back pain: management"
                container-title: UpToDate
                issued: {date-parts: [[2025, 9, 12]]}
                URL: https://www.uptodate.com/contents/subacute-and-chronic-low-back-pain-management?topicRef=7780&source=related_link#H2883739741
            """);

        Assert.Equal("Chou R. Subacute and chronic low back pain: management. UpToDate. Updated September 12, 2025. <a href=\"https://www.uptodate.com/contents/subacute-and-chronic-low-back-pain-management?topicRef=7780&amp;source=related_link#H2883739741\">https://www.uptodate.com/contents/subacute-and-chronic-low-back-pain-management?topicRef=7780&amp;source=related_link#H2883739741</a>", html);
    }

    [Fact]
    public void A_web_page_shows_its_publication_date_and_the_accessed_date_when_given()
    {
        var html = Format("""
              - id: nhs
                type: webpage
                author: [{literal: NHS}]
                title: Back pain
                container-title: NHS website
                issued: 2024-03-01
                accessed: {date-parts: [[2026, 11, 20]]}
                URL: https://www.nhs.uk/conditions/back-pain/
            """);

        Assert.Equal("NHS. Back pain. NHS website. Published March 1, 2024. Accessed November 20, 2026. <a href=\"https://www.nhs.uk/conditions/back-pain/\">https://www.nhs.uk/conditions/back-pain/</a>", html);
    }

    [Fact]
    public void A_book_shows_edition_publisher_and_year()
    {
        var html = Format("""
              - id: bogduk2012
                type: book
                author: [{family: Bogduk, given: Nikolai}]
                title: Clinical and Radiological Anatomy of the Lumbar Spine
                edition: "5"
                publisher: Churchill Livingstone
                issued: {date-parts: [[2012]]}
            """);

        Assert.Equal("Bogduk N. <i>Clinical and Radiological Anatomy of the Lumbar Spine</i>. 5th ed. Churchill Livingstone; 2012.", html);
    }

    [Fact]
    public void Text_from_the_bibliography_is_escaped()
    {
        var html = Format("""
              - id: x
                type: article-journal
                author: [{family: "O'Brien", given: Seán}]
                title: "Pain <script>&</script> <b>heat</b>"
                container-title: J
                issued: 2020
                DOI: 10.1000/a<b>#c
            """);

        Assert.Equal("O&#39;Brien S. Pain &lt;script&gt;&amp;&lt;/script&gt; <b>heat</b>. <i>J</i>. Published online 2020. doi:<a href=\"https://doi.org/10.1000/a%3Cb%3E%23c\">10.1000/a&lt;b&gt;#c</a>", html);
    }

    [Theory]
    [InlineData("M.", "M")]
    [InlineData("K. U.", "KU")]
    [InlineData("K.U.", "KU")]
    [InlineData("Kai-Uwe", "KU")]
    [InlineData("J.-P.", "JP")]
    [InlineData("JS", "JS")]
    [InlineData("Martin Luther", "ML")]
    [InlineData("Mary Ann", "MA")]
    [InlineData("", "")]
    public void Given_names_become_initials_without_periods_spaces_or_hyphens_as_pubmed_writes_them(string given, string initials) =>
        Assert.Equal(initials, AmaFormatter.Initials(given));
}
