using System.Text.RegularExpressions;
using BackSiteGen.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace BackSiteGen.BrowserTests;

/// <summary>What a build accepts from writers' fields (titles, descriptions, picture text, glossary definitions,
/// bibliography names) is published as text, never as markup that runs: each page is loaded in Chromium with its
/// Content-Security-Policy meta cut out, so only escaping stands between the field and the reader.</summary>
public sealed partial class VectorsWithoutCspTests : IAsyncLifetime
{
    private const string Fields = """
        -- content/site.yml --
        title: "Site <script>window.__pwned = 'site title'</script>"
        description: "\"><img src=x onerror=\"window.__pwned = 'site description'\">"
        publisher: { name: "Publisher <img src=x onerror=window.__pwned='publisher'>" }
        editorial_team: "Team <script>window.__pwned = 'team'</script>"
        -- content/index.md --
        ---
        title: "Home <script>window.__pwned = 'title'</script>"
        description: "\"><img src=x onerror=\"window.__pwned = 'description'\">"
        last_reviewed: 2026-11-20
        next_review: 2028-11-20
        ---
        Code `<script>window.__pwned = 'code'</script>` and an entity &lt;script&gt;. A disc [@src].
        -- content/exercises/index.md --
        ---
        title: Exercises
        description: The exercises.
        last_reviewed: 2026-11-20
        next_review: 2028-11-20
        ---
        The exercise.
        -- content/exercises/move.md --
        ---
        title: "Move <svg onload=\"window.__pwned = 'exercise title'\">"
        description: A move.
        last_reviewed: 2026-11-20
        next_review: 2028-11-20
        layout: exercise
        exercise:
          reps: "5 <img src=x onerror=\"window.__pwned = 'reps'\">"
          pictures:
            - label: "Start <img src=x onerror=\"window.__pwned = 'label'\">"
              image: dot.svg
              alt: "\" onerror=\"window.__pwned = 'alt'"
        ---
        :::steps
        1. Lie down on the disc.
        :::
        -- content/exercises/dot.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
        -- content/glossary.md --
        ---
        title: Glossary
        description: Words.
        last_reviewed: 2026-11-20
        next_review: 2028-11-20
        layout: glossary
        ---
        The words.
        -- content/glossary.yml --
        - term: Disc
          definition: "A cushion <img src=x onerror=\"window.__pwned = 'glossary'\"> between bones."
        -- content/references.yaml --
        references:
          - id: src
            type: article-journal
            title: A title
            container-title: "Journal & \"friends\" > others"
            author: [{ family: "Author<script>window.__pwned = 'author'</script>", given: A }]
            issued: { date-parts: [[2020]] }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bsg-vectors-" + Guid.NewGuid().ToString("N")[..12]);
    private WebApplication? _app;
    private BuildResult? _build;
    private Uri _origin = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        foreach (var (path, text) in Sections(Fields))
        {
            var full = Path.Combine(_root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }

        var output = Path.Combine(_root, "output");
        _build = SiteBuilder.Build(new BuildOptions("content", Path.Combine(RepositoryRoot.Path, "themes", "default"), output, BuildDate: new DateOnly(2026, 12, 1), WorkingDirectory: _root));
        if (!_build.Succeeded)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var files = new PhysicalFileProvider(output);
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _origin = new Uri(address.TrimEnd('/') + "/");
    }

    [BrowserFact]
    public async Task No_field_a_writer_fills_runs_as_script_even_without_the_CSP()
    {
        Assert.True(_build!.Succeeded, "The site with hostile fields should build (they are text, not markup): " + string.Join("\n", _build.Diagnostics.Select(d => d.ToString())));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var stripped = 0;
        await page.RouteAsync("**/*", async route =>
        {
            var response = await route.FetchAsync();
            var type = response.Headers.TryGetValue("content-type", out var t) ? t : string.Empty;
            if (!type.StartsWith("text/html", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Response = response });
                return;
            }

            var html = await response.TextAsync();
            var without = CspMeta().Replace(html, string.Empty);
            Interlocked.Increment(ref stripped);
            Assert.NotEqual(html, without);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = without });
        });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        var ran = new List<string>();
        foreach (var path in new[] { string.Empty, "exercises/", "exercises/move/", "glossary/", "404.html" })
        {
            await page.GotoAsync(new Uri(_origin, path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.WaitForTimeoutAsync(100);
            if (await page.EvaluateAsync<string?>("() => window.__pwned ?? null") is { } what)
            {
                ran.Add($"/{path}: {what}");
            }

            Assert.Contains("window.__pwned", await page.ContentAsync(), StringComparison.Ordinal);
        }

        Assert.True(stripped >= 5, "The policy must have been cut out of every page.");
        Assert.True(ran.Count == 0, "Script from a field ran: " + string.Join("; ", ran));
        Assert.Empty(dialogs);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on cleanup.
        }
    }

    private static IEnumerable<(string Path, string Text)> Sections(string spec)
    {
        string? current = null;
        var lines = new List<string>();
        foreach (var line in spec.Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return (current, string.Join('\n', lines) + "\n");
                }

                current = line[3..^3];
                lines.Clear();
            }
            else
            {
                lines.Add(line);
            }
        }

        if (current is not null)
        {
            yield return (current, string.Join('\n', lines) + "\n");
        }
    }

    [GeneratedRegex(@"<meta http-equiv=""Content-Security-Policy""[^>]*>")]
    private static partial Regex CspMeta();
}
