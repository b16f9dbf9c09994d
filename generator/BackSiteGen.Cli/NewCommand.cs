using System.CommandLine;
using BackSiteGen.Scaffold;
using BackSiteGen.Site;

namespace BackSiteGen.Cli;

/// <summary><c>backsitegen new page|exercise PATH --title "…"</c>: a new page with complete front matter from the theme's archetype.</summary>
internal static class NewCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("new", "Start a new page with complete front matter (review dates, editorial team) from the theme's archetype.");
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
        var command = new Command(name, description) { path, title, summary, content, theme };
        command.SetAction(parse =>
        {
            var options = new BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!);
            var result = PageScaffold.Create(options, kind, parse.GetValue(path)!, parse.GetValue(title)!, parse.GetValue(summary));
            if (result.Refusal is not null)
            {
                stderr.WriteLine($"backsitegen: {result.Refusal}");
                return ExitCodes.BadCommandLine;
            }

            stdout.WriteLine($"Created {result.DisplayPath}{(parse.GetValue(summary) is null ? "; write its description" : string.Empty)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
