using System.CommandLine;
using System.Globalization;
using BackSiteGen.Checks;

namespace BackSiteGen.Cli;

/// <summary><c>backsitegen check</c>: links, anchors, ids and third-party resources of any built site folder.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout)
    {
        var site = new Option<string>("--site") { Description = "The built site folder (ours, Hugo's, Jekyll's, Eleventy's…).", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the folder is published: a URL such as https://owner.github.io/repo/ or a path such as / or /repo/." };
        var external = new Option<bool>("--external") { Description = "Also check links to other sites (uses the network; results are cached)." };
        var config = new Option<string?>("--config") { Description = "A site.yml whose links: and external_links: settings apply." };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var command = new Command("check", "Check the links, anchors and ids of a built site folder.")
        {
            site, baseUrl, external, config, strict,
        };
        command.SetAction(parse => Run(
            new FolderCheckOptions(parse.GetValue(site)!, parse.GetValue(baseUrl), parse.GetValue(external), parse.GetValue(config), parse.GetValue(strict)),
            stdout));
        return command;
    }

    public static int Run(FolderCheckOptions options, TextWriter stdout)
    {
        var result = FolderCheck.Run(options);
        DiagnosticPrinter.Print(result.Diagnostics, stdout);
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        stdout.WriteLine($"{result.Pages} pages, {result.Links} links, {result.Warnings} warnings, {result.Errors} errors in {seconds} s: {(result.Succeeded ? "no broken links" : "check failed")}.");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.BuildFailed;
    }
}
