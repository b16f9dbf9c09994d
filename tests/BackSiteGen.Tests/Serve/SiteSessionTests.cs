using System.Text;
using BackSiteGen.Serve;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Serve;

/// <summary>What each kind of edit rebuilds, driven without the watcher so every step is deterministic.</summary>
public sealed class SiteSessionTests
{
    private const string Site = """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        Start with [A](a.md).
        -- content/a.md --
        ---
        title: Page A
        description: A page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        order: 1
        ---
        ## First
        First version.
        -- content/b.md --
        ---
        title: Page B
        description: Another page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        order: 2
        ---
        Nothing links here.
        -- content/c.md --
        ---
        title: Page C
        description: Yet another page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        order: 3
        ---
        Also see [A](a.md#first).
        -- content/img/dot.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/files/note.txt --
        A note.
        -- content/site.yml --
        publisher: { name: Test publisher }
        editorial_team: Test review team
        """;

    private static (SiteFixture Site, SiteSession Session) Start(string spec = Site)
    {
        var site = SiteFixture.Create(spec);
        var session = new SiteSession(site.Options());
        var first = session.Reload();
        Assert.Empty(first.Site.Problems);
        return (site, session);
    }

    private static string Html(SiteSession session, string path) => Encoding.UTF8.GetString(session.Current.Files[path]);

    private static RebuildReport Edit(SiteFixture site, SiteSession session, string relative, string text)
    {
        site.Write(relative, text);
        return session.Apply([Path.Combine(site.Root, relative)]) ?? throw new InvalidOperationException("The edit was ignored.");
    }

    private const string FrontMatterA = "---\ntitle: Page A\ndescription: A page.\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\norder: 1\n---\n";

    [Fact]
    public void A_text_edit_renders_that_page_alone_and_checks_the_pages_linking_to_it()
    {
        var (site, session) = Start();
        using var _ = site;

        var report = Edit(site, session, "content/a.md", FrontMatterA + "## First\nSecond version.\n");

        Assert.False(report.Full);
        Assert.Equal(1, report.PagesRendered);
        Assert.Equal(["a/index.html"], report.ChangedFiles);
        Assert.Contains("Second version.", Html(session, "a/index.html"), StringComparison.Ordinal);
        Assert.Empty(session.Current.Problems);

        // The heading c.md links to is gone: the link check after rendering runs on the whole site, as build's does.
        var broken = Edit(site, session, "content/a.md", FrontMatterA + "Third version.\n");
        Assert.False(broken.Full);
        var problem = Assert.Single(session.Current.Problems);
        Assert.Equal("content/c.md(8,10): error BSG0602", $"{problem.Span}: error {problem.Code}");
        Assert.True(broken.ProblemsChanged);
    }

    [Fact]
    public void A_new_title_moves_the_page_in_the_navigation_so_every_page_renders_again()
    {
        var (site, session) = Start();
        using var _ = site;

        var report = Edit(site, session, "content/a.md", "---\ntitle: Renamed A\ndescription: A page.\norder: 1\n---\nFirst version.\n");

        Assert.True(report.Full);
        Assert.Contains("b/index.html", report.ChangedFiles);
        Assert.Contains("Renamed A", Html(session, "b/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_file_is_copied_alone()
    {
        var (site, session) = Start();
        using var _ = site;

        var report = Edit(site, session, "content/files/note.txt", "A longer note.\n");

        Assert.False(report.Full);
        Assert.Equal(0, report.PagesRendered);
        Assert.Equal(["files/note.txt"], report.ChangedFiles);
        Assert.Equal("A longer note.\n", Html(session, "files/note.txt"));
    }

    [Fact]
    public void A_file_swapped_for_a_link_out_of_the_content_is_refused_as_build_refuses_it()
    {
        var (site, session) = Start();
        using var _ = site;
        var secret = Path.Combine(site.Root, "secret.txt");
        File.WriteAllText(secret, "the secret\n");
        var note = Path.Combine(site.Root, "content/files/note.txt");
        File.Delete(note);
        File.CreateSymbolicLink(note, secret);

        var report = session.Apply([note]);

        Assert.True(report!.Full);
        Assert.DoesNotContain(session.Current.Files.Values, bytes => Encoding.UTF8.GetString(bytes).Contains("the secret", StringComparison.Ordinal));
        Assert.Contains(session.Current.Problems, d => d.Code == "BSG0006" && d.Span.File == "content/files/note.txt");
    }

    [Fact]
    public void An_image_edit_renders_the_pages_again_with_its_new_size()
    {
        var (site, session) = Start(Site + "\n-- content/d.md --\n---\ntitle: Page D\ndescription: D.\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\n![A dot](img/dot.svg)\n");
        using var _ = site;
        Assert.DoesNotMatch("<img[^>]* width=", Html(session, "d/index.html"));

        Edit(site, session, "content/img/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"7\"/>\n");

        Assert.Matches("<img[^>]* width=\"12\" height=\"7\"", Html(session, "d/index.html"));
    }

    [Fact]
    public void A_new_page_and_a_deleted_page_change_the_whole_site()
    {
        var (site, session) = Start();
        using var _ = site;

        var added = Edit(site, session, "content/d.md", "---\ntitle: Page D\ndescription: New.\n---\nNew.\n");
        Assert.True(added.Full);
        Assert.True(session.Current.Files.ContainsKey("d/index.html"));

        File.Delete(Path.Combine(site.Root, "content/d.md"));
        var deleted = session.Apply([Path.Combine(site.Root, "content/d.md")]);
        Assert.True(deleted!.Full);
        Assert.False(session.Current.Files.ContainsKey("d/index.html"));
    }

    [Fact]
    public void A_data_file_edit_reloads_everything()
    {
        var (site, session) = Start();
        using var _ = site;

        var report = Edit(site, session, "content/site.yml", "title: A new site title\n" + SiteFixture.TrustData);

        Assert.True(report.Full);
        Assert.Contains("A new site title", Html(session, "b/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editor_swap_files_and_ignored_folders_rebuild_nothing()
    {
        var (site, session) = Start();
        using var _ = site;
        site.Write("content/.a.md.swp", "junk");
        site.Write("content/_drafts/x.md", "junk");

        Assert.Null(session.Apply([Path.Combine(site.Root, "content/.a.md.swp"), Path.Combine(site.Root, "content/_drafts/x.md"), Path.Combine(site.Root, "content/gone~")]));
    }

    [Fact]
    public void A_page_that_fails_keeps_its_last_good_version_and_its_errors_clear_when_fixed()
    {
        var (site, session) = Start();
        using var _ = site;

        var broken = Edit(site, session, "content/a.md", "---\ntitle: Page A\n---\nBroken.\n");
        Assert.Contains("First version.", Html(session, "a/index.html"), StringComparison.Ordinal);
        Assert.True(broken.ProblemsChanged);
        Assert.Equal("BSG0204", Assert.Single(session.Current.Problems).Code);

        var other = Edit(site, session, "content/b.md", "---\ntitle: Page B\ndescription: Another page.\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\norder: 2\n---\nChanged.\n");
        Assert.Single(other.Site.Problems);

        var fixedReport = Edit(site, session, "content/a.md", FrontMatterA + "## First\nFixed.\n");
        Assert.True(fixedReport.ProblemsChanged);
        Assert.Empty(session.Current.Problems);
        Assert.Contains("Fixed.", Html(session, "a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_site_yml_keeps_the_site_and_the_next_edit_reloads_everything()
    {
        var (site, session) = Start();
        using var _ = site;

        var broken = Edit(site, session, "content/site.yml", "title: [unclosed\n");
        Assert.True(broken.Failed);
        Assert.Contains("First version.", Html(session, "a/index.html"), StringComparison.Ordinal);
        Assert.Contains(session.Current.Problems, d => d.Span.File.EndsWith("site.yml", StringComparison.Ordinal));

        var fixedReport = Edit(site, session, "content/site.yml", "title: Fixed\n" + SiteFixture.TrustData);
        Assert.True(fixedReport.Full);
        Assert.Empty(session.Current.Problems);
    }

    [Fact]
    public void The_session_serves_what_build_writes()
    {
        var (site, session) = Start();
        using var _ = site;

        var build = site.Build();
        Assert.True(build.Succeeded, string.Join('\n', build.Lines()));
        var built = site.Snapshot();
        // The marker says which folder a build may replace; a preview replaces nothing.
        built.Remove(BackSiteGen.Output.OutputFolder.MarkerFile);

        Assert.Equal(built.Keys, session.Current.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(built, f => Assert.Equal(f.Value, session.Current.Files[f.Key]));
    }
}
