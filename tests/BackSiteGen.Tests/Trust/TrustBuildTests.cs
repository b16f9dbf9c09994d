using System.Text.Json;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Trust;

/// <summary>Issue 7's "done means", as a writer would see it: whole sites built from one spec (the build date is 23 November 2026).</summary>
public sealed class TrustBuildTests
{
    private const string HardAndOverdue = """
        -- content/site.yml --
        publisher: { name: Test publisher }
        title: Back pain
        base_url: https://example.org/
        editorial_team: Spine editorial team
        -- content/glossary.yml --
        - term: Disc
          aliases: [discs]
          definition: A soft cushion between two bones of the spine.
        - term: Endplate
          definition: A thin layer at the top and bottom of each spine bone.
        -- content/index.md --
        ---
        title: Home
        description: Start here.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        ## About discs

        A disc sits between two bones. Each disc can wear. Your discs help you bend.
        -- content/hard.md --
        ---
        title: Hard
        description: A page in jargon.
        reviewed_by: Dr Ann Lee
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        Vertebrogenic pathophysiology necessitates comprehensive multidisciplinary evaluation incorporating radiological investigations and interdisciplinary consultation.
        -- content/stale.md --
        ---
        title: Stale
        description: An old page.
        last_reviewed: 2023-01-10
        next_review: 2026-01-10
        ---
        Rest is good. Walk a bit.
        -- content/glossary.md --
        ---
        title: Glossary
        description: Words we use.
        layout: glossary
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        """;

    [Fact]
    public void A_hard_page_and_an_overdue_page_are_warnings_naming_each_file_and_fail_with_strict()
    {
        using var site = SiteFixture.Create(HardAndOverdue);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        Assert.Contains(result.Lines(), l => l.StartsWith("content/hard.md(1,1): warning BSG0701: Hard to read: Flesch-Kincaid grade ", StringComparison.Ordinal) && l.Contains("is above 8", StringComparison.Ordinal));
        Assert.Contains("content/stale.md(5,1): warning BSG0713: Review overdue since 10 January 2026.", result.Lines());
        Assert.DoesNotContain(result.Lines(), l => l.StartsWith("content/index.md", StringComparison.Ordinal) && l.Contains("warning", StringComparison.Ordinal));
        Assert.False(site.Build(strict: true).Succeeded);
    }

    [Fact]
    public void Pages_carry_medical_web_page_json_ld_with_review_and_show_the_review_dates()
    {
        using var site = SiteFixture.Create(HardAndOverdue);

        site.Build();
        var home = site.ReadOutput("index.html");
        var hard = site.ReadOutput("hard/index.html");

        var json = JsonLd(home);
        Assert.Equal("MedicalWebPage", json.GetProperty("@type").GetString());
        Assert.Equal("2026-01-10", json.GetProperty("lastReviewed").GetString());
        Assert.Equal("Organization", json.GetProperty("reviewedBy").GetProperty("@type").GetString());
        Assert.Equal("Spine editorial team", json.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal("Patient", json.GetProperty("audience").GetProperty("audienceType").GetString());
        Assert.Equal("https://example.org/", json.GetProperty("url").GetString());
        Assert.Equal("Vertebrogenic low back pain", json.GetProperty("about").GetProperty("name").GetString());
        Assert.Equal("Person", JsonLd(hard).GetProperty("reviewedBy").GetProperty("@type").GetString());
        Assert.Contains("Page last reviewed: 10 January 2026 · Next review due: 10 January 2028<br>Reviewed by: Spine editorial team", home, StringComparison.Ordinal);
        Assert.Contains("Reviewed by: Dr Ann Lee", hard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glossary_term_is_linked_on_its_first_use_only_and_never_in_headings()
    {
        using var site = SiteFixture.Create(HardAndOverdue);

        var result = site.Build();
        var home = site.ReadOutput("index.html");

        Assert.Contains("<h2 id=\"about-discs\">About discs</h2>", home, StringComparison.Ordinal);
        Assert.Contains("<p>A <a class=\"term\" href=\"/glossary/#disc\" aria-describedby=\"glossary-def-disc\">disc</a><span id=\"glossary-def-disc\" hidden>A soft cushion between two bones of the spine.</span> sits between two bones. Each disc can wear. Your discs help you bend.</p>", home, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(home, "class=\"term\""));
        var glossary = site.ReadOutput("glossary/index.html");
        Assert.Contains("<dt id=\"disc\">Disc</dt>", glossary, StringComparison.Ordinal);
        Assert.Contains("<dt id=\"endplate\">Endplate</dt>", glossary, StringComparison.Ordinal);
        Assert.Contains("content/glossary.yml(4,3): info BSG0732: No page uses the glossary term 'Endplate'.", result.Lines());
    }

    [Fact]
    public void An_unreviewed_page_and_an_image_without_alt_text_fail_naming_both_files()
    {
        using var site = SiteFixture.Create("""
            -- content/unreviewed.md --
            ---
            title: Unreviewed
            description: Nobody checked this.
            ---
            Rest.
            -- content/picture.md --
            ---
            title: Picture
            description: A page with an image.
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            Look.

            ![](spine.svg)
            -- content/spine.svg --
            <svg xmlns="http://www.w3.org/2000/svg"></svg>
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("content/unreviewed.md(1,1): error BSG0710: The page has no 'last_reviewed' date: every page needs clinical review before it is published.", result.Errors());
        Assert.Contains("content/unreviewed.md(1,1): error BSG0710: The page has no 'next_review' date: plan the next review within 3 years.", result.Errors());
        Assert.Contains("content/picture.md(9,1): error BSG0740: The image 'spine.svg' has no alt text: describe what it shows, or write ![decorative](…) if it is only decoration.", result.Errors());
    }

    [Fact]
    public void Review_dates_out_of_order_too_far_apart_or_due_soon_are_reported_at_next_review()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            publisher: { name: Test publisher }
            editorial_team: Editorial team
            review: { max_interval_years: 2, due_soon_days: 30 }
            -- content/backwards.md --
            ---
            title: Backwards
            description: B
            last_reviewed: 2026-06-01
            next_review: 2026-01-01
            ---
            -- content/far.md --
            ---
            title: Far
            description: F
            last_reviewed: 2026-01-01
            next_review: 2028-06-01
            ---
            -- content/soon.md --
            ---
            title: Soon
            description: S
            last_reviewed: 2024-01-01
            next_review: 2026-12-03
            ---
            """);

        var lines = site.Build().Lines();

        Assert.Contains("content/backwards.md(5,1): error BSG0711: 'next_review' (1 January 2026) is before 'last_reviewed' (1 June 2026).", lines);
        Assert.Contains("content/far.md(5,1): error BSG0712: 'next_review' (1 June 2028) is more than 2 years after 'last_reviewed' (1 January 2026).", lines);
        Assert.Contains("content/soon.md(5,1): info BSG0714: Review due on 3 December 2026, in 10 days.", lines);
    }

    [Fact]
    public void A_site_default_reviewer_is_shown_and_review_can_be_turned_off()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            publisher: { name: Test publisher }
            editorial_team: Editorial team
            review: { default_reviewer: Clinical board }
            -- content/a.md --
            ---
            title: A
            description: A
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            Text.
            """);

        site.Build();
        Assert.Contains("Reviewed by: Clinical board", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
        Assert.Equal("Clinical board", JsonLd(site.ReadOutput("a/index.html")).GetProperty("reviewedBy").GetProperty("name").GetString());

        site.Write("content/site.yml", "review: { enabled: false }\n");
        site.Write("content/b.md", "---\ntitle: B\ndescription: B\n---\nText.\n");
        Assert.True(site.Build(strict: true).Succeeded);
    }

    [Fact]
    public void A_page_may_raise_its_readability_limit_only_with_a_reason()
    {
        const string Jargon = "Vertebrogenic pathophysiology necessitates comprehensive multidisciplinary evaluation incorporating radiological investigations.";
        using var site = SiteFixture.Create($"""
            -- content/site.yml --
            publisher: {"{"} name: Test publisher {"}"}
            editorial_team: Editorial team
            readability: {"{"} max_grade: 6 {"}"}
            -- content/reasoned.md --
            ---
            title: Reasoned
            description: R
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            readability: {"{"} max_grade: 60, reason: "Names the procedure in full, as consent forms do." {"}"}
            ---
            {Jargon}
            -- content/unreasoned.md --
            ---
            title: Unreasoned
            description: U
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            readability: {"{"} max_grade: 30 {"}"}
            ---
            {Jargon}
            """);

        var lines = site.Build().Lines();

        Assert.DoesNotContain(lines, l => l.StartsWith("content/reasoned.md", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/unreasoned.md(6,1): error BSG0702: The page raises its reading grade limit to 30 without a reason", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("content/unreasoned.md(6,1): warning BSG0701: Hard to read", StringComparison.Ordinal) && l.Contains("is above 6;", StringComparison.Ordinal));
    }

    [Fact]
    public void Exercise_pages_add_an_exercise_plan_and_front_matter_fills_the_condition()
    {
        using var site = SiteFixture.Create("""
            -- content/site.yml --
            publisher: { name: Test publisher }
            editorial_team: Editorial team
            structured_data: { condition: Chronic low back pain }
            -- content/cat-cow.md --
            ---
            title: Cat-cow </script><script>alert(1)</script>
            description: Bend and arch your back.
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            exercise: { reps: 10 }
            medical:
              anatomy: [lumbar spine]
              symptoms: [stiffness]
              risk_factors: [smoking]
              treatments: [exercise]
            ---
            Go slowly.
            """);

        var result = site.Build();
        var html = site.ReadOutput("cat-cow/index.html");
        var json = JsonLd(html);
        var about = json.GetProperty("about");

        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        // The title is escaped everywhere, the JSON-LD included: no front matter can open a script.
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal("Cat-cow </script><script>alert(1)</script>", json.GetProperty("name").GetString());
        Assert.Equal("ExercisePlan", json.GetProperty("mainEntity").GetProperty("@type").GetString());
        Assert.Equal("Chronic low back pain", about.GetProperty("name").GetString());
        Assert.Equal("lumbar spine", about.GetProperty("associatedAnatomy")[0].GetProperty("name").GetString());
        Assert.Equal("stiffness", about.GetProperty("signOrSymptom")[0].GetProperty("name").GetString());
        Assert.Equal("smoking", about.GetProperty("riskFactor")[0].GetProperty("name").GetString());
        Assert.Equal("exercise", about.GetProperty("possibleTreatment")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_theme_that_breaks_the_json_ld_fails_the_build()
    {
        using var site = SiteFixture.Create("""
            -- content/a.md --
            ---
            title: A
            description: A
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            -- themes/default/layouts/page.html --
            <head>{{ page.json_ld | html.escape }}<script type="application/ld+json">{"@type": "WebPage"}</script></head>
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("content/a.md(1,1): error BSG0720: The page's JSON-LD is invalid: the page is not a MedicalWebPage.", result.Errors());
    }

    [Fact]
    public void Accessibility_lint_reports_skipped_headings_vague_and_empty_links_and_allows_decorative_images()
    {
        using var site = SiteFixture.Create("-- content/site.yml --\n" + SiteFixture.TrustData + """
            -- content/a.md --
            ---
            title: A
            description: A
            last_reviewed: 2026-01-10
            next_review: 2028-01-10
            ---
            ## Start

            #### Too deep

            For more, [click here](https://health.example.net/). Or [](https://health.example.net/b).

            ![decorative](line.svg)
            -- content/line.svg --
            <svg xmlns="http://www.w3.org/2000/svg"></svg>
            """);

        var result = site.Build();
        var lines = result.Lines();

        Assert.Contains("content/a.md(9,1): warning BSG0741: The heading skips from level 2 to level 4: use '###'.", lines);
        Assert.Contains(lines, l => l.StartsWith("content/a.md(11,11): warning BSG0742: The link text 'click here' does not say where it goes", StringComparison.Ordinal));
        Assert.Contains("content/a.md(11,57): error BSG0743: The link to 'https://health.example.net/b' has no text: a screen reader would read only the address.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("BSG0740", StringComparison.Ordinal));
        site.Write("content/a.md", File.ReadAllText(Path.Combine(site.Root, "content/a.md")).Replace(" Or [](https://health.example.net/b).", string.Empty, StringComparison.Ordinal));
        Assert.True(site.Build().Succeeded);
        Assert.Contains("<img src=\"/line.svg\" alt=\"\" />", site.ReadOutput("a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Glossary_errors_name_the_line()
    {
        using var site = SiteFixture.Create("""
            -- content/glossary.yml --
            - term: Disc
              definition: A cushion.
            - term: Disc
              definition: Again.
            - term: Endplate
            - definition: No term.
            """);

        var lines = site.Build().Lines();

        Assert.Contains("content/glossary.yml(3,3): error BSG0731: 'Disc' is already in the glossary at line 1: each term and alias may appear once.", lines);
        Assert.Contains("content/glossary.yml(5,3): error BSG0730: A glossary entry needs both 'term' and 'definition' ('Endplate' has no definition).", lines);
        Assert.Contains("content/glossary.yml(6,3): error BSG0730: A glossary entry needs both 'term' and 'definition'.", lines);

        site.Write("content/glossary.yml", "- term: [\n");
        Assert.Contains(site.Build().Lines(), l => l.StartsWith("content/glossary.yml(2,", StringComparison.Ordinal) && l.Contains("error BSG0730: Invalid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void The_cli_prints_the_report_and_writes_it_as_json()
    {
        using var site = SiteFixture.Create(HardAndOverdue);
        var reportFile = Path.Combine(site.Root, "report.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        BackSiteGen.Cli.CliApp.Run(["build", "--content", Path.Combine(site.Root, "content"), "--theme", site.ThemeDir, "--output", Path.Combine(site.Root, "output"), "--report", reportFile], stdout, stderr);

        Assert.Matches(@"(?m)^/stale/ +\d+ +-?\d+\.\d +-?\d+\.\d +2023-01-10 +2026-01-10 +Spine editorial team +0 +0 +1$", stdout.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
        var stale = report.RootElement.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("url").GetString() == "/stale/");
        Assert.EndsWith("content/stale.md", stale.GetProperty("source").GetString(), StringComparison.Ordinal);
        // "Stale" + "Rest is good." + "Walk a bit."
        Assert.Equal(7, stale.GetProperty("words").GetInt32());
        Assert.Equal("2026-01-10", stale.GetProperty("next_review").GetString());
        Assert.Equal(1, stale.GetProperty("warnings").GetInt32());
    }

    private static JsonElement JsonLd(string html)
    {
        const string Open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]).RootElement.Clone();
    }
}
