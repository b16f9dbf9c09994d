using System.CommandLine;
using BackSiteGen.Scaffold;
using BackSiteGen.Site;

namespace BackSiteGen.Cli;

/// <summary><c>backsitegen new page|exercise PATH --title "…"</c>: a new page with complete front matter from the theme's archetype.</summary>
internal static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("new", "Start a new page from the theme's archetype: a draft, unless --reviewed-by or --reviewed-on records its review.");
        command.Subcommands.Add(Kind("page", PageKind.Page, "Start a page.", stdout, stderr));
        command.Subcommands.Add(Kind("exercise", PageKind.Exercise, "Start an exercise page.", stdout, stderr));
        return command;
    }

    private static Command Kind(string name, PageKind kind, string description, TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH") { Description = "The new file, such as content/exercises/bridge.md or exercises/bridge.md." };
        var title = new Option<string>("--title") { Description = "The page's title.", Required = true };
        var summary = new Option<string?>("--description") { Description = "One sentence for search results; a placeholder to fill in when left out." };
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var theme = new Option<string>("--theme") { Description = "The theme folder, whose archetypes/ start the page.", DefaultValueFactory = _ => "themes/default" };
        var reviewedBy = new Option<string?>("--reviewed-by") { Description = "Who reviewed the text (the site's editorial_team when only --reviewed-on is given); records the review." };
        var reviewedOn = new Option<string?>("--reviewed-on") { Description = "The day it was reviewed, YYYY-MM-DD (today when only --reviewed-by is given); records the review." };
        var command = new Command(name, description) { path, title, summary, content, theme, reviewedBy, reviewedOn };
        command.SetAction(parse =>
        {
            DateOnly? on = null;
            if (parse.GetValue(reviewedOn) is { } written)
            {
                if (!DateOnly.TryParseExact(written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    stderr.WriteLine($"backsitegen: --reviewed-on '{written}' is not a date such as 2026-11-20.");
                    return ExitCodes.BadCommandLine;
                }

                on = date;
            }

            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!);
            var result = PageScaffold.Create(options, kind, parse.GetValue(path)!, parse.GetValue(title)!, parse.GetValue(summary), parse.GetValue(reviewedBy), on);
            if (result.Refusal is not null)
            {
                stderr.WriteLine($"backsitegen: {result.Refusal}");
                return ExitCodes.BadCommandLine;
            }

            var todo = result.Draft
                ? " as a draft: replace every 'TODO:', then record its review (reviewed_by, last_reviewed, next_review) and remove 'draft: true'"
                : "; replace every 'TODO:' before it is built";
            stdout.WriteLine($"Created {result.DisplayPath}{todo}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
