using System.CommandLine;
using System.Globalization;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;

namespace BackSiteGen.Cli;

/// <summary><c>backsitegen translations</c>: each page of the default language in each other edition, with its status
/// and its current fingerprint, which a translator copies into <c>translated_from:</c> after checking the translation.</summary>
internal static class TranslationsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var theme = new Option<string>("--theme") { Description = "The theme folder.", DefaultValueFactory = _ => "themes/default" };
        var drafts = new Option<bool>("--drafts") { Description = "Include drafts and pages dated in the future." };
        var command = new Command("translations", "List every translation with its status (fresh, stale, unrecorded, missing) and the fingerprint to record once it is checked.")
        {
            content, theme, drafts,
        };
        command.SetAction(parse => Run(new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, "output", null, false, parse.GetValue(drafts)), stdout));
        return command;
    }

    public static int Run(BuildOptions options, TextWriter stdout)
    {
        var diagnostics = new DiagnosticBag();
        var statuses = SiteBuilder.TranslationStatuses(options, diagnostics);
        DiagnosticPrinter.Print(diagnostics.ToSortedList().Where(d => d.Severity == Severity.Error), stdout);
        if (statuses is null)
        {
            return ExitCodes.BuildFailed;
        }

        if (statuses.Count == 0)
        {
            stdout.WriteLine("No translations: no page is in a language other than the default (see README, \"Languages\").");
            return ExitCodes.Success;
        }

        stdout.WriteLine("status      lang  fingerprint       translated_from   source (last reviewed) -> translation");
        foreach (var t in statuses)
        {
            var reviewed = t.SourceReviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Status,-10}  {t.Language,-4}  {t.Current}  {t.Recorded ?? "—",-16}  {DiagnosticFormatter.Printable(t.Source)} ({reviewed}) -> {DiagnosticFormatter.Printable(t.Translation ?? "—")}"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{statuses.Count(s => s.Status == "fresh")} fresh, {statuses.Count(s => s.Status == "stale")} stale, {statuses.Count(s => s.Status == "unrecorded")} unrecorded, {statuses.Count(s => s.Status == "missing")} missing. After checking a stale translation against its source, set its translated_from: to the fingerprint shown."));
        return ExitCodes.Success;
    }
}
