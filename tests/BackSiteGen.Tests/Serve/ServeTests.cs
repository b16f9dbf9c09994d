using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using BackSiteGen.Serve;

namespace BackSiteGen.Tests.Serve;

/// <summary>serve as a writer uses it: open a page, save, see the change; break it, see why; fix it.</summary>
public sealed class ServeTests
{
    private const string Site = """
        -- content/index.md --
        ---
        title: Home
        description: The home page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        See [the page](a.md).
        -- content/a.md --
        ---
        title: Page A
        description: A page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        First version.
        -- content/b.md --
        ---
        title: Page B
        description: Another page.
        last_reviewed: 2026-01-10
        next_review: 2028-01-10
        ---
        Nothing to see.
        -- content/files/note.txt --
        A note.
        -- content/site.yml --
        publisher: { name: Test publisher }
        editorial_team: Test review team
        """;

    private const string PageA = "---\ntitle: Page A\ndescription: A page.\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\n";

    [Fact]
    public async Task An_edit_shows_on_the_served_page()
    {
        await using var running = await RunningSite.StartAsync(Site);
        var (status, before) = await running.GetAsync("/a/");
        Assert.Equal(200, status);
        Assert.Contains("First version.", before, StringComparison.Ordinal);

        running.Site.Write("content/a.md", PageA + "Second version.\n");

        var after = await running.WaitForAsync("/a/", b => b.Contains("Second version.", StringComparison.Ordinal));
        Assert.DoesNotContain("First version.", after, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(running.Site.Root, "output", "a", "index.html")), "serve must never write the output folder");
    }

    [Fact]
    public async Task Open_browsers_are_told_which_page_changed()
    {
        await using var running = await RunningSite.StartAsync(Site);
        using var events = await running.Http.GetStreamAsync(new Uri(ServeAssets.EventsPath, UriKind.Relative));
        using var reader = new StreamReader(events);
        Assert.Equal("retry: 500", await reader.ReadLineAsync());

        running.Site.Write("content/b.md", "---\ntitle: Page B\ndescription: Another page.\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\nSomething new.\n");

        using var timeout = new CancellationTokenSource(RunningSite.Patience);
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: {", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.Contains("\"urls\":[\"/b/\"]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_the_reload_script_and_it_is_served_from_the_site_itself()
    {
        await using var running = await RunningSite.StartAsync(Site);

        var (_, page) = await running.GetAsync("/a/");
        using var script = await running.Http.GetAsync(new Uri(ServeAssets.ScriptPath, UriKind.Relative));

        Assert.Contains($"<script src=\"{ServeAssets.ScriptPath}\" data-version=\"", page, StringComparison.Ordinal);
        Assert.Contains("defer></script>\n</body>", page, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_front_matter_shows_an_overlay_over_the_last_good_page_until_it_is_fixed()
    {
        await using var running = await RunningSite.StartAsync(Site);

        running.Site.Write("content/a.md", "---\ntitle: Page A\ndescription: [unclosed\n---\nBroken version <script>.\n");
        var broken = await running.WaitForAsync("/a/", b => b.Contains(ServeInjection.OverlayId, StringComparison.Ordinal));

        Assert.Contains("First version.", broken, StringComparison.Ordinal);
        Assert.Matches(@"content/a\.md\(\d+,\d+\)</span>: error BSG0202: Invalid YAML", broken);
        Assert.Contains("last good version of this page", broken, StringComparison.Ordinal);
        var (_, other) = await running.GetAsync("/b/");
        Assert.Contains(ServeInjection.OverlayId, other, StringComparison.Ordinal);

        running.Site.Write("content/a.md", PageA + "Fixed version.\n");
        var fixedPage = await running.WaitForAsync("/a/", b => b.Contains("Fixed version.", StringComparison.Ordinal));

        Assert.DoesNotContain(ServeInjection.OverlayId, fixedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(ServeInjection.OverlayId, (await running.GetAsync("/b/")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_recovers_when_the_content_folder_is_deleted_and_made_again()
    {
        await using var running = await RunningSite.StartAsync(Site);
        var content = Path.Combine(running.Site.Root, "content");
        var copy = Path.Combine(running.Site.Root, "content-copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // A deletion file by file may be seen in steps (a rebuild of the half-deleted folder, then of none), so which pages
        // were last good is a matter of timing here; the test of a folder moved away below pins that down.
        Directory.Delete(content, recursive: true);
        await running.WaitForAsync("/", b => b.Contains("BSG0002", StringComparison.Ordinal));

        await BringBackAsync(running, copy, "Back again.");
    }

    [Fact]
    public async Task A_content_folder_moved_away_keeps_the_last_good_pages_with_the_error_until_it_is_back()
    {
        await using var running = await RunningSite.StartAsync(Site);
        var content = Path.Combine(running.Site.Root, "content");
        var away = Path.Combine(running.Site.Root, "content-away");

        Directory.Move(content, away);
        var gone = await running.WaitForAsync("/a/", b => b.Contains("BSG0002", StringComparison.Ordinal));
        Assert.Contains("First version.", gone, StringComparison.Ordinal);
        Assert.Contains(ServeInjection.OverlayId, gone, StringComparison.Ordinal);

        await BringBackAsync(running, away, "Moved back.");
    }

    /// <summary>Puts a content folder held aside back in place, with page A edited to <paramref name="text"/>: the page
    /// shows the edit without the error, and an edit inside the folder after that is followed too.</summary>
    private static async Task BringBackAsync(RunningSite running, string held, string text)
    {
        File.WriteAllText(Path.Combine(held, "a.md"), PageA + text + "\n");
        Directory.Move(held, Path.Combine(running.Site.Root, "content"));
        var back = await running.WaitForAsync("/a/", b => b.Contains(text, StringComparison.Ordinal));
        Assert.DoesNotContain(ServeInjection.OverlayId, back, StringComparison.Ordinal);

        running.Site.Write("content/a.md", PageA + "Edited after.\n");
        await running.WaitForAsync("/a/", b => b.Contains("Edited after.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_template_keeps_the_pages_and_names_the_template()
    {
        await using var running = await RunningSite.StartAsync(Site + """

            -- themes/default/layouts/page.html --
            <!doctype html><html><body><main>{{ page.content }}</main></body></html>
            """);

        running.Site.Write("themes/default/layouts/page.html", "<!doctype html><html><body>{{ if }}</body></html>\n");
        var broken = await running.WaitForAsync("/a/", b => b.Contains("themes/default/layouts/page.html(1,", StringComparison.Ordinal));

        Assert.Contains("First version.", broken, StringComparison.Ordinal);
        Assert.Contains("last good version of this page", broken, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2f..%2fetc/passwd")]
    [InlineData("/%252e%252e/%252e%252e/etc/passwd")]
    [InlineData("/files/..%5c..%5c..%5cetc/passwd")]
    [InlineData("/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/a%00.md")]
    public async Task Paths_that_leave_the_site_get_nothing_from_outside_it(string target)
    {
        await using var running = await RunningSite.StartAsync(Site);

        var (status, response) = await running.RawGetAsync(target);

        Assert.True(status is 400 or 404, $"{target} answered {status}");
        Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
        Assert.DoesNotContain("title: Page A", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_redirect_to_their_slash_are_never_listed_and_missing_pages_get_the_sites_404()
    {
        await using var running = await RunningSite.StartAsync(Site);

        var (redirect, _) = await running.RawGetAsync("/a");
        var (listing, _) = await running.RawGetAsync("/files/");
        var (missing, notFound) = await running.GetAsync("/no-such-page/");

        Assert.Equal(302, redirect);
        Assert.Contains("Location: /a/", (await running.RawGetAsync("/a")).Response, StringComparison.Ordinal);
        Assert.Equal(404, listing);
        Assert.Equal(404, missing);
        Assert.Contains("Page not found", notFound, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/files/note.txt", "text/plain")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/a/", "text/html")]
    public async Task Files_are_served_with_their_content_type(string path, string type)
    {
        await using var running = await RunningSite.StartAsync(Site);

        using var response = await running.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_only()
    {
        await using var running = await RunningSite.StartAsync(Site);

        Assert.Equal("127.0.0.1", running.Server.Address.Host);
        var listening = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(l => l.Port == running.Server.Address.Port).ToList();
        Assert.NotEmpty(listening);
        Assert.All(listening, l => Assert.True(IPAddress.IsLoopback(l.Address), $"listening on {l}"));

        foreach (var other in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
                     .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)))
        {
            using var tcp = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => tcp.ConnectAsync(other, running.Server.Address.Port));
        }
    }

    [Fact]
    public async Task A_project_site_is_served_below_its_base_path()
    {
        await using var running = await RunningSite.StartAsync(Site + "\n-- content/site.yml --\nbase_url: https://owner.github.io/repo/\n" + BackSiteGen.Tests.Infrastructure.SiteFixture.TrustData);

        var (root, rootResponse) = await running.RawGetAsync("/");
        var (status, page) = await running.GetAsync("/repo/a/");

        Assert.Equal("/repo/", running.Server.Address.AbsolutePath);
        Assert.Equal(302, root);
        Assert.Contains("Location: /repo/", rootResponse, StringComparison.Ordinal);
        Assert.Equal(200, status);
        Assert.Contains("First version.", page, StringComparison.Ordinal);
        Assert.Contains(ServeAssets.ScriptPath, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_that_saves_by_renaming_a_temporary_file_is_followed()
    {
        await using var running = await RunningSite.StartAsync(Site);
        var temporary = Path.Combine(running.Site.Root, "content", ".a.md.tmp");

        await File.WriteAllTextAsync(temporary, PageA + "Saved atomically.\n");
        File.Move(temporary, Path.Combine(running.Site.Root, "content", "a.md"), overwrite: true);

        await running.WaitForAsync("/a/", b => b.Contains("Saved atomically.", StringComparison.Ordinal));
    }
}

