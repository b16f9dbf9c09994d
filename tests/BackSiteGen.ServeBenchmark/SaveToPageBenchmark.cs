using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using BackSiteGen.Serve;
using BackSiteGen.Site;

namespace BackSiteGen.ServeBenchmark;

/// <summary>Measures what a writer waits for: from saving a page to the open page in Chromium showing the new text
/// (<c>--server</c>: to the server answering with it).</summary>
/// <remarks>Runs serve in-process exactly as the command does (watcher, session, every post-render check, Kestrel on
/// 127.0.0.1). In the browser, the page is opened in Debian's Chromium and each round writes the file, then waits until
/// the page's own text has the round's marker: the live-reload script got the event, fetched the page and swapped it in.
/// With <c>--server</c>, each round waits for the live-reload event naming the URL, then GETs the page and checks the new
/// text is there. Rounds are spaced out as a writer's saves are.</remarks>
internal static class SaveToPageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var edits = ArgOr(args, "--edits", 40);
        var pages = ArgOr(args, "--pages", 1000);
        var inBrowser = !args.Contains("--server");
        var repository = FindRepository();
        Console.WriteLine($"serve: save -> {(inBrowser ? "page shown in Chromium" : "served page")}, {edits} edits each, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"The clock includes the watcher's {SiteWatcher.Quiet.TotalMilliseconds:0} ms quiet period; 'rebuild' is the session's own share.");
        Console.WriteLine("| site | pages | first build | median | p95 | min | max | rebuild median |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        using (var microsite = BenchmarkSite.Microsite(repository))
        {
            await MeasureAsync("microsite", microsite, edits, inBrowser).ConfigureAwait(false);
        }

        using (var generated = BenchmarkSite.Generated(repository, pages))
        {
            await MeasureAsync("generated", generated, edits, inBrowser).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, BenchmarkSite site, int edits, bool inBrowser)
    {
        var options = new BuildOptions("content", "themes/default", WorkingDirectory: site.Root);
        var rebuilds = new List<double>();
        var measuring = false;
        await using var server = await SiteServer.StartAsync(options, new ServeOptions("127.0.0.1", 0), report =>
        {
            lock (rebuilds)
            {
                if (measuring)
                {
                    rebuilds.Add(report.Elapsed.TotalMilliseconds);
                }
            }
        }).ConfigureAwait(false);
        if (server.FirstBuild.Site.Problems.Count > 0)
        {
            throw new InvalidOperationException("The benchmark site does not build: " + server.FirstBuild.Site.Problems[0]);
        }

        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = new CancellationTokenSource();
        var events = Channel.CreateUnbounded<string>();
        var listening = ListenAsync(http, events.Writer, stop.Token);
        await events.Reader.ReadAsync().ConfigureAwait(false);

        var path = Path.Combine(site.Root, site.EditedPage);
        var url = new Uri(site.EditedUrl.TrimStart('/'), UriKind.Relative);
        using var playwright = inBrowser ? await Microsoft.Playwright.Playwright.CreateAsync().ConfigureAwait(false) : null;
        await using var browser = playwright is null ? null : await playwright.Chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }).ConfigureAwait(false);
        var page = browser is null ? null : await browser.NewPageAsync().ConfigureAwait(false);
        if (page is not null)
        {
            await page.GotoAsync(new Uri(server.Address, url).AbsoluteUri).ConfigureAwait(false);
        }

        var times = new List<double>();
        const int warmup = 15;
        for (var round = 0; round < warmup + edits; round++)
        {
            var marker = $"round-{round}-{Guid.NewGuid():N}";
            var text = site.WithMarker(marker);
            await Task.Delay(150).ConfigureAwait(false);
            while (events.Reader.TryRead(out _))
            {
            }

            lock (rebuilds)
            {
                measuring = round >= warmup;
            }

            var clock = Stopwatch.StartNew();
            await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
            if (page is not null)
            {
                await page.WaitForFunctionAsync("m => document.body && document.body.innerText.includes(m)", marker, new Microsoft.Playwright.PageWaitForFunctionOptions { PollingInterval = 2, Timeout = 10_000 }).ConfigureAwait(false);
            }

            while (page is null)
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var data = await events.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                if (!data.Contains(site.EditedUrl, StringComparison.Ordinal) && !data.Contains("\"*\"", StringComparison.Ordinal))
                {
                    continue;
                }

                var body = await http.GetStringAsync(url).ConfigureAwait(false);
                if (body.Contains(marker, StringComparison.Ordinal))
                {
                    break;
                }
            }

            clock.Stop();
            if (round >= warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await listening.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The event stream ends when the benchmark stops listening.
        }

        times.Sort();
        rebuilds.Sort();
        var pageCount = server.FirstBuild.PagesRendered;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {pageCount} | {server.FirstBuild.Elapsed.TotalMilliseconds:0} ms | {Percentile(times, 0.5):0.0} ms | {Percentile(times, 0.95):0.0} ms | {times[0]:0.0} ms | {times[^1]:0.0} ms | {Percentile(rebuilds, 0.5):0.0} ms |"));
    }

    /// <summary>Reads the live-reload stream and queues each event's data line.</summary>
    private static async Task ListenAsync(HttpClient http, ChannelWriter<string> events, CancellationToken cancel)
    {
        using var stream = await http.GetStreamAsync(new Uri(ServeAssets.EventsPath, UriKind.Relative), cancel).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancel).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.TryWrite(line);
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int ArgOr(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackSiteGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark inside the BackSiteGen repository.");
    }
}
