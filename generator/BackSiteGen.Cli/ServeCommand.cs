using System.CommandLine;
using System.Globalization;
using BackSiteGen.Serve;
using BackSiteGen.Site;

namespace BackSiteGen.Cli;

/// <summary><c>backsitegen serve</c>: build into memory, serve on loopback, rebuild and reload on every save.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout)
    {
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var theme = new Option<string>("--theme") { Description = "The theme folder.", DefaultValueFactory = _ => "themes/default" };
        var port = new Option<int>("--port") { Description = "The port to listen on (0 picks a free one).", DefaultValueFactory = _ => 4000 };
        var host = new Option<string>("--host") { Description = "The address to listen on; only this computer can see 127.0.0.1.", DefaultValueFactory = _ => "127.0.0.1" };
        var drafts = new Option<bool>("--drafts") { Description = "Include drafts and pages dated in the future." };
        var strict = new Option<bool>("--strict") { Description = "Say on the pages that a build would fail on warnings too, as CI's strict build does." };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the site will be published, as build's --base-url; its path is served too." };
        var command = new Command("serve", "Preview the site: serve it from memory, rebuild what changes on every save, and reload the browser.")
        {
            content, theme, port, host, drafts, strict, baseUrl,
        };
        command.SetAction((parse, cancel) =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, BaseUrl: parse.GetValue(baseUrl), Strict: parse.GetValue(strict), Drafts: parse.GetValue(drafts), Preview: true);
            return RunAsync(options, new ServeOptions(parse.GetValue(host)!, parse.GetValue(port)), stdout, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(BuildOptions options, ServeOptions serve, TextWriter stdout, CancellationToken cancel)
    {
        var gate = new Lock();
        using var progress = ProgressLine.For(stdout);
        void Print(RebuildReport report)
        {
            lock (gate)
            {
                progress?.Dispose();
                // The two [serve] lines bracket each rebuild's diagnostics for editors' background problem matchers.
                stdout.WriteLine($"[serve] rebuilding: {report.Trigger}");
                DiagnosticPrinter.Print(report.Diagnostics, stdout);
                stdout.WriteLine(Describe(report));
                stdout.Flush();
            }
        }

        SiteServer server;
        try
        {
            server = await SiteServer.StartAsync(options, serve, Print, progress, cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or FormatException or System.Net.Sockets.SocketException)
        {
            stdout.WriteLine($"backsitegen: cannot serve on {serve.Host}:{serve.Port}: {ex.Message}");
            return ExitCodes.BadCommandLine;
        }

        await using (server.ConfigureAwait(false))
        {
            lock (gate)
            {
                stdout.WriteLine($"Serving {server.Address} (press Ctrl+C to stop).");
                stdout.Flush();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving and exit normally.
            }
        }

        return ExitCodes.Success;
    }

    private static string Describe(RebuildReport report)
    {
        var ms = report.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var problems = report.Site.Problems.Count;
        var stale = report.Site.Stale.Count;
        var outcome = problems == 0 ? "ok"
            : $"{problems} problem{(problems == 1 ? string.Empty : "s")} shown on the pages and at {ServeAssets.ProblemsPath}"
              + (stale > 0 ? $"; {stale} page{(stale == 1 ? " shows its" : "s show their")} last good version" : string.Empty)
              + (report.Site.BuildWouldFail ? "; a build would fail" : string.Empty);
        var what = report.Full ? $"rebuilt everything ({report.PagesRendered} pages)" : $"re-rendered {report.PagesRendered} page{(report.PagesRendered == 1 ? string.Empty : "s")}";
        return $"[serve] done: {what}, {report.ChangedFiles.Count} files changed in {ms} ms: {outcome}.";
    }
}
