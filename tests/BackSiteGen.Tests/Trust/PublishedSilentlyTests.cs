using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Trust;

/// <summary>Issue 16, "nothing wrong is published silently", tried as a writer would: each case fails or warns at
/// its file, line and column (the build date is 23 November 2026).</summary>
public sealed class PublishedSilentlyTests
{
    private const string TrustedSite = """
        -- content/site.yml --
        title: Back pain
        base_url: https://example.org/
        publisher: { name: Back Pain Project }
        editorial_team: Clinical review team
        """;

    private static string Page(string body, string extraFrontMatter = "") => $"""
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        {extraFrontMatter}---
        {body}
        """;

    private static List<string> Lines(SiteFixture site, string code, string? baseUrl = null, bool preview = false) =>
        site.Build(site.Options(baseUrl) with { Preview = preview }).Lines().Where(l => l.Contains(code, StringComparison.Ordinal)).ToList();

    [Fact]
    public void A_site_that_names_no_reviewer_and_no_publisher_fails_instead_of_inventing_them()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: Back pain
            -- content/index.md --
            ---
            title: Home
            description: Start here.
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            Hello.
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors(), l => l.StartsWith("content/index.md(1,1): error BSG0710: The page names no reviewer", StringComparison.Ordinal) && l.Contains("'editorial_team: …'", StringComparison.Ordinal));
        Assert.Contains(result.Errors(), l => l.StartsWith("content/site.yml(1,1): error BSG0750: site.yml names no publisher", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reviewing_body_and_publisher_come_from_site_yml_into_every_footer()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("Hello."));

        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("index.html");
        Assert.Contains("Reviewed by: Clinical review team", html, StringComparison.Ordinal);
        Assert.Contains("Published by Back Pain Project.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Editorial team", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The site's publisher", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unfinished_markers_are_errors_in_a_build_and_warnings_in_a_preview()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + """
            -- content/index.md --
            ---
            title: Home
            description: "TODO: say what this page is for."
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            Keep a to-do list. Todo lists help. `TODO` in code is fine.

            - Rest, then TBD.

            Lorem ipsum dolor sit amet.
            """);

        var build = Lines(site, "BSG0751");
        Assert.Equal(
            [
                "content/index.md(3,1): error BSG0751: 'description' still has the placeholder 'TODO': write the real text, or keep the page out of the site with 'draft: true' until it is done.",
                "content/index.md(9,14): error BSG0751",
                "content/index.md(11,1): error BSG0751",
            ],
            build.Select((l, i) => i == 0 ? l : l[..l.IndexOf("BSG0751", StringComparison.Ordinal)] + "BSG0751"));
        Assert.All(Lines(site, "BSG0751", preview: true), l => Assert.Contains(": warning BSG0751: ", l, StringComparison.Ordinal));
        Assert.False(site.Build().Succeeded);
    }

    [Fact]
    public void A_placeholder_in_site_yml_fails_the_build_at_its_line()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            title: Back pain
            description: "TBD"
            publisher: { name: TODO, url: "https://www.example.com/" }
            editorial_team: Clinical review team
            """ + "\n" + Page("Hello."));

        var lines = site.Build().Lines();

        Assert.Contains("content/site.yml(2,15): error BSG0751: 'description' in site.yml still has the placeholder 'TBD', which every page shows: write the real text.", lines);
        Assert.Contains(lines, l => l.StartsWith("content/site.yml(3,20): error BSG0751: 'name' in site.yml", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/site.yml(3,32): info BSG0760: 'https://www.example.com/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Serve_reports_unfinished_text_as_a_warning_and_still_serves_the_page()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("Rest, then TODO: say for how long."));
        var session = new BackSiteGen.Serve.SiteSession(site.Options() with { Preview = true });

        var report = session.Reload();

        var problem = Assert.Single(report.Diagnostics, d => d.Code == "BSG0751");
        Assert.False(report.Failed);
        Assert.Equal(BackSiteGen.Diagnostics.Severity.Warning, problem.Severity);
        Assert.Equal((7, 12), (problem.Span.Line, problem.Span.Column));
        Assert.True(session.Current.Files.ContainsKey("index.html"));
    }

    [Fact]
    public void An_unclosed_care_card_fails_at_its_opening_line_naming_the_end_of_the_file()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("""
            ## Get help

            :::urgent
            ### Get help today if:
            - You have a fever.

            ## Self-care
            Rest and keep moving.
            """));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("content/index.md(9,1): error BSG0802: The ':::urgent' container opened here is never closed, so it takes in everything to line 14 (the end of the file). Add a line with ':::' where it should end.", result.Lines());
        Assert.Contains(result.Lines(), l => l.StartsWith("content/index.md(13,1): warning BSG0804: This level-2 heading is inside the ':::urgent' care card opened at line 9", StringComparison.Ordinal));
    }

    [Fact]
    public void A_card_left_open_before_the_next_card_is_reported_at_its_own_line_not_the_next_ones()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("""
            :::urgent
            ### Get help today if:
            - You have a fever.

            :::non-urgent
            ### Book a visit if:
            - The pain lasts.
            :::
            """));

        var errors = site.Build().Errors();

        Assert.Equal(["content/index.md(7,1): error BSG0802: The ':::urgent' container opened here is not closed before ':::non-urgent' at line 11, so it takes in everything to line 14. Add a line with ':::' where it should end."], errors);
    }

    [Fact]
    public void Text_after_a_fence_is_an_error_and_never_dropped_silently()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("""
            :::tip
            Smile.
            :::) is how I smile.
            """) + """

            -- content/steps.md --
            ---
            title: Steps
            description: Steps.
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            :::steps Do these
            1. Lie down.
            :::
            """);

        var lines = site.Build().Lines();

        Assert.Contains("content/index.md(9,1): error BSG0803: The text ') is how I smile.' after ':::' is not a container name, so it would never be shown. A closing ':::' stands alone on its line; put the text on the next line.", lines);
        Assert.Contains("content/index.md(7,1): error BSG0802: The ':::tip' container opened here is never closed, so it takes in everything to line 9 (the end of the file). Add a line with ':::' where it should end.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("content/index.md(9,1): error BSG0802", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/steps.md(7,1): error BSG0803: The text 'Do these' after ':::steps' would never be shown", StringComparison.Ordinal));
    }

    private const string PlaceholderSite = """
        -- content/site.yml --
        title: Back pain
        base_url: https://example.org/
        publisher:
          name: Back Pain Project
          url: https://www.example.com/about
        editorial_team: Clinical review team
        feedback_email: feedback@example.org
        """;

    private static string PlaceholderPage => Page("""
        Write to [us](mailto:help@clinic.example) or see https://real.org.uk/page.

        Our old address was info@backpain.test.
        """);

    [Fact]
    public void Placeholder_addresses_are_notes_while_the_site_itself_lives_at_a_reserved_domain()
    {
        using var site = SiteFixture.Create(PlaceholderSite + "\n" + PlaceholderPage);

        var result = site.Build(strict: true);

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Equal(
            [
                "content/index.md(7,10): info BSG0760",
                "content/index.md(9,21): info BSG0760",
                "content/site.yml(5,8): info BSG0760",
                "content/site.yml(7,17): info BSG0760",
            ],
            result.Lines().Where(l => l.Contains("BSG0760", StringComparison.Ordinal)).Select(l => l[..(l.IndexOf("BSG0760", StringComparison.Ordinal) + 7)]));
    }

    [Fact]
    public void Placeholder_addresses_fail_a_build_published_to_a_real_address_and_warn_in_its_preview()
    {
        using var site = SiteFixture.Create(PlaceholderSite + "\n" + PlaceholderPage);

        var errors = Lines(site, "BSG0760", baseUrl: "https://owner.github.io/backpain/");

        Assert.Equal(4, errors.Count);
        Assert.Contains("content/site.yml(7,17): error BSG0760: 'feedback@example.org' is a placeholder at a reserved documentation domain, and this site is published to a real address: readers would write or click into nowhere. Enter the organisation's real address.", errors);
        Assert.Contains(errors, l => l.StartsWith("content/index.md(7,10): error BSG0760: 'mailto:help@clinic.example'", StringComparison.Ordinal));
        Assert.All(Lines(site, "BSG0760", baseUrl: "https://owner.github.io/backpain/", preview: true), l => Assert.Contains(": warning BSG0760: ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_statistic_without_a_citation_in_its_sentence_is_a_warning_at_its_column()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("""
            About 15 in every 100 people have it. A study found it [@a].

            Half of all cases get better. In 2017 a guideline said so [@a]. The code is M54.51, at L3 to S1, after 12 weeks.

            - In one trial 64% improved. The other trial agreed [@a].
            - Most people feel better in time.

            ## 1 in 4 adults
            """) + "\n" + """
            -- content/references.yaml --
            references:
              - id: a
                type: article-journal
                title: A study
                issued: { date-parts: [[2020]] }
            """);

        var result = site.Build();

        Assert.Equal(
            [
                "content/index.md(7,7): warning BSG0770: '15 in every 100' is a statistic with no source in its sentence (\"About 15 in every 100 people have it.\"): cite it there ([@key]), or allow the sentence with a reason in the front matter: statistics: { allow: [{ text: \"…\", reason: \"…\" }] }.",
                "content/index.md(9,1): warning BSG0770",
                "content/index.md(14,4): warning BSG0770",
            ],
            result.Lines().Where(l => l.Contains("BSG0770", StringComparison.Ordinal)).Select((l, i) => i == 0 ? l : l[..(l.IndexOf("BSG0770", StringComparison.Ordinal) + 7)]));
        Assert.False(site.Build(strict: true).Succeeded);
    }

    [Fact]
    public void A_sentence_may_stand_without_a_source_only_with_a_reason()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page(
            "About 15 in every 100 people have it. 1 in 4 adults do.\n",
            "statistics:\n  allow:\n    - text: \"15 in every 100 people\"\n      reason: \"The definition the whole site rests on, cited on the next page.\"\n    - text: \"1 in 4\"\n    - text: \"3 in 10 smokers\"\n      reason: \"Removed last year.\"\n"));

        var lines = site.Build().Lines();

        Assert.DoesNotContain(lines, l => l.Contains("'15 in every 100'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/index.md(6,1): error BSG0771: A statistics.allow entry has no 'reason' for allowing \"1 in 4\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/index.md(14,39): warning BSG0770: '1 in 4'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/index.md(6,1): warning BSG0772: statistics.allow \"3 in 10 smokers\" matches no sentence", StringComparison.Ordinal));
    }

    [Fact]
    public void Doses_are_not_statistics_but_the_page_says_where_they_come_from()
    {
        using var site = SiteFixture.Create(TrustedSite + "\n" + Page("""
            ## How many

            Do 8 to 10 slow rounds. Hold each for 3 to 5 seconds. Do this twice a day.
            """) + "\n" + """
            -- content/explained.md --
            ---
            title: Explained
            description: Doses with their source.
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            ## How many

            Do 8 to 10 slow rounds, twice a day. [See where these amounts come from](index.md#how-many).
            """);

        var lines = site.Build().Lines();

        Assert.DoesNotContain(lines, l => l.Contains("BSG0770", StringComparison.Ordinal));
        Assert.Equal(
            ["content/index.md(9,4): warning BSG0773: Doses such as '8 to 10 slow rounds' are instructions, and the page does not say where they come from: cite the source in the section that gives them, or link from there to where the amounts are explained ([where these amounts come from](index.md#…))."],
            lines.Where(l => l.Contains("BSG0773", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_microsite_builds_strictly_and_every_statistic_on_it_has_a_source()
    {
        var output = Path.Combine(Path.GetTempPath(), "bsg-microsite-" + Guid.NewGuid().ToString("N")[..8]);
        var result = BackSiteGen.Site.SiteBuilder.Build(new BackSiteGen.Site.BuildOptions("content", "themes/default", output, Strict: true, BuildDate: Golden.Microsite.BuildDate, WorkingDirectory: Repository.Root));
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Select(BackSiteGen.Diagnostics.DiagnosticFormatter.ToMsBuild)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "BSG0770" or "BSG0773" or "BSG0751");
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == "BSG0760"));
    }
}
