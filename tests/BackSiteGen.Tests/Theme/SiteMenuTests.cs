using System.Text;
using System.Text.RegularExpressions;
using BackSiteGen.Tests.Infrastructure;
using BackSiteGen.Tests.Languages;

namespace BackSiteGen.Tests.Theme;

/// <summary>The default theme's menu shows at most <c>theme.menu_limit</c> top-level entries (12 unless site.yml sets
/// it), so a page does not grow with the number of sections; when it leaves entries out its last link goes to a list of
/// them all, and a note says which ones and how to choose them.</summary>
public sealed partial class SiteMenuTests
{
    /// <summary>A home page, <paramref name="sections"/> sections of one page each in the writer's order, and optionally
    /// a "Find a topic" page (no order, so it sorts after the sections).</summary>
    private static string Site(int sections, bool findATopic = true, string siteYml = "")
    {
        var spec = new StringBuilder();
        spec.Append("-- content/site.yml --\ntitle: Back site\nbase_url: https://example.org/\nreview: { enabled: false }\n")
            .Append(SiteFixture.TrustData).Append(siteYml).Append('\n');
        spec.Append("-- content/index.md --\n---\ntitle: Home\ndescription: Home page.\n---\nWelcome.\n");
        if (findATopic)
        {
            spec.Append("-- content/find-a-topic.md --\n---\ntitle: Find a topic\ndescription: Every topic.\nlayout: topics\n---\nPick a topic.\n");
        }

        for (var i = 1; i <= sections; i++)
        {
            var n = i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            spec.Append($"-- content/s{n}/index.md --\n---\ntitle: Section {n}\ndescription: Section {n}.\norder: {i}\n---\nAbout part {n}.\n");
            spec.Append($"-- content/s{n}/page.md --\n---\ntitle: Page {n}\ndescription: Page {n}.\n---\nMore on part {n}.\n");
        }

        return spec.ToString();
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"No {start} in the page.");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string HeaderMenu(string html) => Between(html, "<nav class=\"site-nav\"", "</nav>");

    private static string FooterMenu(string html) => Between(html, "<nav id=\"menu\"", "<ul class=\"footer-nav__more\">");

    private static List<string> MenuLinks(string menu) => [.. LinkText().Matches(menu).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<a href=\"[^\"]*\"[^>]*>([^<]*)</a>")]
    private static partial Regex LinkText();

    [Fact]
    public void A_site_over_the_limit_shows_the_first_twelve_entries_in_order_then_a_link_to_the_list_of_them_all_in_header_and_footer()
    {
        using var site = SiteFixture.Create(Site(14));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("s02/page/index.html");
        var expected = Enumerable.Range(1, 12).Select(i => $"Section {i:D2}").Append("All sections").ToList();
        Assert.Equal(expected, MenuLinks(HeaderMenu(html)));
        Assert.Equal(expected, MenuLinks(FooterMenu(html)));
        Assert.Contains("<li><a href=\"/s12/\">Section 12</a></li>\n<li><a href=\"/find-a-topic/#all-sections\">All sections</a></li>\n</ul>", HeaderMenu(html), StringComparison.Ordinal);
        Assert.DoesNotContain("/s13/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"all-sections\"", html, StringComparison.Ordinal);

        // The phone's way to the menu is unchanged: the header's "Menu" jumps to the footer's.
        Assert.Contains("<li class=\"menu-link\"><a href=\"#menu\">Menu</a></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_find_a_topic_page_lists_every_entry_under_the_heading_the_menu_links_to_and_marks_that_link_current()
    {
        using var site = SiteFixture.Create(Site(14));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("find-a-topic/index.html");
        var list = Between(html, "<section class=\"all-sections\" aria-labelledby=\"all-sections\">", "</section>");
        Assert.Contains("<h2 id=\"all-sections\">All sections of this site</h2>", list, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"Section {i:D2}").ToList(), MenuLinks(list));
        Assert.Contains("<a href=\"/find-a-topic/#all-sections\" aria-current=\"page\">All sections</a>", HeaderMenu(html), StringComparison.Ordinal);

        // The other pages carry the menu only.
        Assert.DoesNotContain("id=\"all-sections\"", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_left_out_of_the_menu_shows_its_own_entry_marked_current_before_the_link_to_the_list()
    {
        // A reader on a left-out section's page still sees in the menu where they are; the other pages' menus do not
        // carry it, so no page grows with the number of sections left out.
        using var site = SiteFixture.Create(Site(14));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("s13/index.html");
        var expected = Enumerable.Range(1, 13).Select(i => $"Section {i:D2}").Append("All sections").ToList();
        Assert.Equal(expected, MenuLinks(HeaderMenu(html)));
        Assert.Equal(expected, MenuLinks(FooterMenu(html)));
        Assert.Contains("<li><a href=\"/s12/\">Section 12</a></li>\n<li><a href=\"/s13/\" aria-current=\"page\">Section 13</a></li>\n<li><a href=\"/find-a-topic/#all-sections\">All sections</a></li>\n</ul>", HeaderMenu(html), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(HeaderMenu(html), "aria-current"));

        // A page inside that section, and another left-out section's page, do not show it.
        Assert.DoesNotContain("/s13/", HeaderMenu(site.ReadOutput("s13/page/index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("/s13/", HeaderMenu(site.ReadOutput("s14/index.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/s14/\" aria-current=\"page\">Section 14</a>", HeaderMenu(site.ReadOutput("s14/index.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/s13/\">Section 13</a>", Between(site.ReadOutput("find-a-topic/index.html"), "<section class=\"all-sections\"", "</section>"), StringComparison.Ordinal);

        // A page the menu shows is marked in its place, once.
        var shown = HeaderMenu(site.ReadOutput("s03/index.html"));
        Assert.Contains("<a href=\"/s03/\" aria-current=\"page\">Section 03</a>", shown, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Section {i:D2}").Append("All sections").ToList(), MenuLinks(shown));
    }

    [Fact]
    public void A_left_out_find_a_topic_page_is_not_added_to_the_menu_it_has_its_own_header_link_and_the_list()
    {
        // Find a topic sorts after the 14 sections, so the menu leaves it out; it is the page "All sections" goes to.
        using var site = SiteFixture.Create(Site(14));
        Assert.True(site.Build(strict: true).Succeeded);
        var menu = HeaderMenu(site.ReadOutput("find-a-topic/index.html"));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Section {i:D2}").Append("All sections").ToList(), MenuLinks(menu));
    }

    [Fact]
    public void A_site_over_the_limit_gets_a_note_at_its_home_page_naming_the_entries_left_out_and_how_to_choose_them()
    {
        using var site = SiteFixture.Create(Site(20));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var note = Assert.Single(result.Lines(), l => l.Contains("BSG0940", StringComparison.Ordinal));
        Assert.Equal(
            "content/index.md(1,1): info BSG0940: The menu shows the first 12 of 21 top-level entries (the default theme.menu_limit of 12); "
            + "left out: \"Section 13\" (content/s13/index.md), \"Section 14\" (content/s14/index.md), \"Section 15\" (content/s15/index.md), "
            + "\"Section 16\" (content/s16/index.md), \"Section 17\" (content/s17/index.md) and 4 more. The default theme's menu ends with a "
            + "link to a list of them all. The menu takes entries by their `order:` (then title): give the ones it should show a lower order, "
            + "or set theme.menu_limit in site.yml.",
            note);

        // A second build into the same output (pages reused) says it again.
        Assert.Contains(note, site.Build(strict: true).Lines());
    }

    [Fact]
    public void A_site_at_the_limit_has_its_whole_menu_no_list_link_and_no_note()
    {
        // Eleven sections and "Find a topic" make twelve entries: nothing is left out (the theme shows "Find a topic" in
        // the header rather than the menu, so the menu lists the eleven).
        using var site = SiteFixture.Create(Site(11));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("s01/page/index.html");
        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"Section {i:D2}").ToList(), MenuLinks(HeaderMenu(html)));
        Assert.Contains("<li><a href=\"/s11/\">Section 11</a></li>\n</ul>", HeaderMenu(html), StringComparison.Ordinal);
        Assert.DoesNotContain("all-sections", site.ReadOutput("find-a-topic/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Lines(), l => l.Contains("BSG0940", StringComparison.Ordinal));
    }

    [Fact]
    public void Menu_limit_in_site_yml_sets_how_many_entries_show_the_note_points_at_it_and_without_find_a_topic_the_home_page_lists_them()
    {
        using var site = SiteFixture.Create(Site(5, findATopic: false, siteYml: "theme:\n  menu_limit: 3\n"));
        var result = site.Build(strict: true);
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("s01/index.html");
        Assert.Equal(["Section 01", "Section 02", "Section 03", "All sections"], MenuLinks(HeaderMenu(html)));
        Assert.Contains("<a href=\"/#all-sections\">All sections</a>", HeaderMenu(html), StringComparison.Ordinal);
        var home = site.ReadOutput("index.html");
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Section {i:D2}").ToList(), MenuLinks(Between(home, "<section class=\"all-sections\"", "</section>")));
        Assert.Contains("<a href=\"/#all-sections\" aria-current=\"page\">All sections</a>", HeaderMenu(home), StringComparison.Ordinal);

        // site.yml's line 7 is "  menu_limit: 3": the note points at the value a writer would change.
        var note = Assert.Single(result.Lines(), l => l.Contains("BSG0940", StringComparison.Ordinal));
        Assert.StartsWith("content/site.yml(7,15): info BSG0940: The menu shows the first 3 of 5 top-level entries (theme.menu_limit: 3); left out: \"Section 04\" (content/s04/index.md), \"Section 05\" (content/s05/index.md). ", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("theme: { menu_limit: 0 }", "content/site.yml(6,22): error BSG0941: theme.menu_limit is 0; the menu needs at least one entry")]
    [InlineData("theme: { menu_limit: many }", "content/site.yml(6,22): error BSG0103:")]
    [InlineData("theme: { menu_limt: 3 }", "content/site.yml(6,10): warning BSG0102:")]
    public void A_menu_limit_that_is_not_a_whole_number_of_one_or_more_or_a_misspelt_key_is_reported_where_written(string line, string expected)
    {
        using var site = SiteFixture.Create(Site(2, siteYml: line + "\n"));
        var result = site.Build();
        Assert.Contains(result.Lines(), l => l.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_spanish_edition_has_its_own_limited_menu_with_the_link_in_spanish_to_its_own_home_page()
    {
        using var site = BilingualSite.Create(BilingualSite.SiteYml + "\ntheme: { menu_limit: 1 }\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var html = site.ReadOutput("es/exercises/index.html");
        var menu = HeaderMenu(html);
        Assert.Equal(2, MenuLinks(menu).Count);
        Assert.Contains("<a href=\"/es/#all-sections\">Todas las secciones</a>", menu, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"all-sections\">Todas las secciones del sitio</h2>", site.ReadOutput("es/index.html"), StringComparison.Ordinal);
        Assert.Contains(result.Lines(), l => l.StartsWith("content/site.yml(", StringComparison.Ordinal) && l.Contains("info BSG0940: The es edition's menu shows the first 1 of", StringComparison.Ordinal));
    }
}
