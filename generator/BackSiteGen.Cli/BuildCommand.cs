using System.CommandLine;
using System.Globalization;
using System.Text;
using BackSiteGen.Site;
using BackSiteGen.Trust.Report;

namespace BackSiteGen.Cli;

/// <summary><c>backsitegen build</c>: content + theme → a checked static site.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout)
    {
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var theme = new Option<string>("--theme") { Description = "The theme folder.", DefaultValueFactory = _ => "themes/default" };
        var output = new Option<string>("--output") { Description = "Where the site is written.", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The URL the site is published at, such as https://owner.github.io/repo/ (overrides site.yml)." };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var drafts = new Option<bool>("--drafts") { Description = "Include drafts and pages dated in the future." };
        var report = new Option<string?>("--report") { Description = "Also write the per-page trust report (readability, review dates, citations, links, warnings) to this JSON file." };
        var external = new Option<bool>("--external") { Description = "Also check links to other sites (uses the network; results are cached in the temp folder)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder even if it holds files BackSiteGen did not build." };
        var timings = new Option<bool>("--timings") { Description = "Print the wall time of each build stage and the garbage collector's work, to see where a slow build spends its time." };
        var command = new Command("build", "Build the site into the output folder, checking every link, anchor and citation.")
        {
            content, theme, output, baseUrl, strict, drafts, report, external, timings, force,
        };
        command.SetAction(parse =>
        {
            var options = new BuildOptions(
                parse.GetValue(content)!,
                parse.GetValue(theme)!,
                parse.GetValue(output)!,
                parse.GetValue(baseUrl),
                parse.GetValue(strict),
                parse.GetValue(drafts),
                External: parse.GetValue(external))
            {
                Force = parse.GetValue(force),

                // A kept output prints no report: not when one is asked for, or in CI's job summary.
                KeepUnchanged = parse.GetValue(report) is null && Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is not { Length: > 0 },

                // Reused pages keep every fact the report and the checks read, so this holds for every build.
                ReusePages = true,
            };
            return Run(options, stdout, parse.GetValue(report), parse.GetValue(timings));
        });
        return command;
    }

    public static int Run(BuildOptions options, TextWriter stdout, string? reportFile = null, bool timings = false)
    {
        // Asked before the build, not after it: a report that cannot be written was an internal error at the very end.
        if (reportFile is not null && Path.GetDirectoryName(Path.GetFullPath(reportFile, options.BaseDirectory)) is { } folder && !Directory.Exists(folder))
        {
            var missing = Diagnostics.Diagnostic.Error(Diagnostics.DiagnosticCodes.OptionInvalid, Diagnostics.SourceSpan.WholeFile("--report"), $"The folder '{folder}' for the report '{reportFile}' does not exist; create it or name another file.");
            DiagnosticPrinter.Print([missing], stdout);
            return ExitCodes.BadCommandLine;
        }

        BuildResult result;
        using (var progress = ProgressLine.For(stdout))
        {
            result = SiteBuilder.Build(options, progress);
        }

        DiagnosticPrinter.Print(result.Diagnostics, stdout);
        WriteReport(result.Report, stdout, reportFile);
        if (timings)
        {
            WriteTimings(result, stdout);
        }

        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var outcome = result.Succeeded ? $"built into {options.OutputDir}" : $"build failed; {options.OutputDir} was not replaced";
        stdout.WriteLine($"{result.Pages} pages, {result.Files} files, {result.Warnings} warnings, {result.Errors} errors in {seconds} s: {outcome}.");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.BuildFailed;
    }

    private static void WriteTimings(BuildResult result, TextWriter stdout)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        stdout.Write(TimingsTable(result.Stages, sinceStart - result.Elapsed));
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, heap {gc.HeapSizeBytes / 1048576.0:0} MB, CPU {process.TotalProcessorTime.TotalMilliseconds:0} ms"));
    }

    /// <summary>One row per stage, its wall milliseconds and allocated megabytes in columns under their headings however
    /// long a stage's name grows (a 2,000-page site's "fingerprint inputs (2,050 of 2,050 files read)"), then the time
    /// from the process's start to the build's.</summary>
    internal static string TimingsTable(IReadOnlyList<StageTime> stages, TimeSpan beforeBuild)
    {
        const string Start = "process start to build start";
        var width = Math.Max(Start.Length, stages.Count == 0 ? 0 : stages.Max(s => s.Stage.Length));
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"{"stage".PadRight(width)} {"wall ms",10} {"alloc MB",10}\n");
        foreach (var time in stages)
        {
            table.Append(CultureInfo.InvariantCulture, $"{time.Stage.PadRight(width)} {time.Elapsed.TotalMilliseconds,10:0} {time.Allocated / 1048576.0,10:0.0}\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"{Start.PadRight(width)} {beforeBuild.TotalMilliseconds,10:0}\n");
        return table.ToString();
    }

    /// <summary>The closing table; the same rows as JSON with --report, and as Markdown in a GitHub Actions job summary.</summary>
    private static void WriteReport(TrustReport report, TextWriter stdout, string? reportFile)
    {
        if (report.Pages.Count == 0)
        {
            return;
        }

        stdout.Write(TrustReportWriter.ToConsole(report));
        if (reportFile is not null)
        {
            try
            {
                File.WriteAllText(reportFile, TrustReportWriter.ToJson(report));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                DiagnosticPrinter.Print([Diagnostics.Diagnostic.Error(Diagnostics.DiagnosticCodes.FileSystemError, Diagnostics.SourceSpan.WholeFile(reportFile), $"Cannot write the report: {ex.Message}")], stdout);
            }
        }

        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, TrustReportWriter.ToMarkdown(report));
        }
    }
}
