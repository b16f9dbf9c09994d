using BackSiteGen.Checks;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Checks;

public sealed class ExternalLinkTests
{
    private static ExternalCheckOptions FastOptions(SiteFixture site) => new(
        // Long enough for a loaded CI machine; the slow route's test sets its own short timeout.
        Timeout: TimeSpan.FromSeconds(5),
        Retries: 2,
        Backoff: TimeSpan.FromMilliseconds(20),
        PerHostConcurrency: 4,
        PerHostSpacing: TimeSpan.Zero,
        MaxRetryAfter: TimeSpan.FromSeconds(2),
        MaxConcurrency: 8,
        CachePath: Path.Combine(site.Root, "cache", "external-links.json"),
        Clock: TimeProvider.System);

    private static FolderCheckResult Check(SiteFixture site, ExternalCheckOptions options, bool external = true) =>
        FolderCheck.Run(new FolderCheckOptions("site", "/", external, Path.Combine(site.Root, "site.yml"), WorkingDirectory: site.Root, ExternalOptions: options));

    private static List<string> Errors(FolderCheckResult result, LocalHttpServer server) =>
        result.Diagnostics.Select(d => BackSiteGen.Diagnostics.DiagnosticFormatter.ToMsBuild(d).Replace($"127.0.0.1:{server.Port}", "HOST", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Links_to_the_same_origin_outside_the_base_path_are_requested_only_with_external()
    {
        using var server = new LocalHttpServer();
        using var site = SiteFixture.Create($"""
            -- site.yml --
            title: T
            -- site/index.html --
            <!doctype html><title>T</title><a href="{server.Url("/ok")}">the organisation's site</a>
            <a href="{server.Url("/missing")}">a page it does not have</a>
            """);
        var options = new FolderCheckOptions("site", server.Url("/repo/"), External: false, WorkingDirectory: site.Root, ExternalOptions: FastOptions(site));

        var offline = FolderCheck.Run(options);
        var hitsOffline = server.Hits("/ok");
        var online = FolderCheck.Run(options with { External = true });

        Assert.Empty(Errors(offline, server));
        Assert.Equal(0, hitsOffline);
        Assert.Equal(["site/index.html(2,4): error BSG0607: The link 'http://HOST/missing' is broken: the server answered 404 NotFound."], Errors(online, server));
    }

    [Fact]
    public void External_links_are_checked_with_retries_rate_limits_redirects_and_fragments_and_the_answers_are_cached()
    {
        using var server = new LocalHttpServer();
        using var site = SiteFixture.Create($"""
            -- site.yml --
            external_links:
              skip: ["/skipped/"]
              check_fragments: true
            -- site/index.html --
            <a href="{server.Url("/ok#here")}">ok</a>
            <a href="{server.Url("/ok#not-here")}">missing anchor</a>
            <a href="{server.Url("/moved")}">redirect</a>
            <a href="{server.Url("/missing")}">404</a>
            <a href="{server.Url("/busy")}">429 then 200</a>
            <a href="{server.Url("/flaky")}">500 then 200</a>
            <a href="{server.Url("/broken")}">always 500</a>
            <a href="{server.Url("/no-head")}">HEAD not allowed</a>
            <a href="{server.Url("/ok")}">again, so line numbers below stay put</a>
            <a href="{server.Url("/skipped/page")}">skipped</a>
            """);

        var result = Check(site, FastOptions(site));

        Assert.Equal(
            [
                "site/index.html(2,4): error BSG0608: The link 'http://HOST/ok#not-here' goes to a missing anchor: that page has no id 'not-here'.",
                "site/index.html(4,4): error BSG0607: The link 'http://HOST/missing' is broken: the server answered 404 NotFound.",
                "site/index.html(7,4): error BSG0607: The link 'http://HOST/broken' is broken: the server answered 500 InternalServerError.",
            ],
            Errors(result, server));
        Assert.Equal(3, server.Hits("/broken"));
        Assert.Equal(0, server.Hits("/skipped/page"));
        var busy = server.Log.Where(l => l.Request.EndsWith(" /busy", StringComparison.Ordinal)).Select(l => l.At).ToList();
        Assert.Equal(2, busy.Count);
        Assert.True(busy[1] - busy[0] >= TimeSpan.FromMilliseconds(900), $"Retry-After: 1 was not honoured ({(busy[1] - busy[0]).TotalMilliseconds} ms)");
        Assert.Contains("GET /no-head", server.Log.Select(l => l.Request));

        // The second run answers from the cache, except for what failed for want of an answer.
        var okHits = server.Hits("/ok");
        var missingHits = server.Hits("/missing");
        var again = Check(site, FastOptions(site));
        Assert.Equal(Errors(result, server), Errors(again, server));
        Assert.Equal(okHits, server.Hits("/ok"));
        Assert.Equal(missingHits, server.Hits("/missing"));
        Assert.Equal(6, server.Hits("/broken"));
        Assert.True(File.Exists(Path.Combine(site.Root, "cache", "external-links.json")));
        Assert.False(Directory.Exists(Path.Combine(site.Root, "site", "cache")));
    }

    [Fact]
    public void A_server_that_does_not_answer_in_time_is_retried_then_reported()
    {
        using var server = new LocalHttpServer();
        using var site = SiteFixture.Create($"-- site.yml --\ntitle: t\n-- site/index.html --\n<a href=\"{server.Url("/slow")}\">x</a>\n");

        var result = Check(site, FastOptions(site) with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 });

        Assert.Equal(["site/index.html(1,4): error BSG0607: The link 'http://HOST/slow' is broken: no answer within 0.3 s."], Errors(result, server));
        // The retry may time out before a loaded server even accepts it; /broken above proves the retry count.
        Assert.InRange(server.Hits("/slow"), 1, 2);
    }

    [Fact]
    public void Requests_to_one_host_are_limited_and_spaced()
    {
        using var server = new LocalHttpServer();
        var links = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"<a href=\"{server.Url($"/paced/{i}")}\">{i}</a>"));
        using var site = SiteFixture.Create($"-- site.yml --\nexternal_links:\n  max_age_hours: 0\n-- site/index.html --\n{links}\n");
        var options = FastOptions(site) with { PerHostConcurrency = 2, PerHostSpacing = TimeSpan.FromMilliseconds(40), Timeout = TimeSpan.FromSeconds(10) };

        var result = Check(site, options);

        Assert.True(result.Succeeded, string.Join('\n', Errors(result, server)));
        Assert.True(server.MaxInFlight <= 2, $"{server.MaxInFlight} requests at once");
        var starts = server.Log.Select(l => l.At).Order().ToList();
        Assert.Equal(6, starts.Count);
        // Measured at the server, whose own scheduling adds jitter: six starts 40 ms apart span at least 200 ms.
        Assert.True(starts[^1] - starts[0] >= TimeSpan.FromMilliseconds(180), $"six requests within {(starts[^1] - starts[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public void A_plain_check_never_uses_the_network()
    {
        using var server = new LocalHttpServer();
        using var site = SiteFixture.Create($"-- site.yml --\ntitle: t\n-- site/index.html --\n<a href=\"{server.Url("/missing")}\">x</a>\n");

        var result = Check(site, FastOptions(site), external: false);

        Assert.True(result.Succeeded);
        Assert.Empty(server.Log);
    }
}
