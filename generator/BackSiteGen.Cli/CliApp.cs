using System.CommandLine;

namespace BackSiteGen.Cli;

/// <summary>Parses the command line and runs one command; everything else lives in the library.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print a stack trace if BackSiteGen itself fails.", Recursive = true };
        var root = new RootCommand("BackSiteGen: a static site generator for trustworthy patient-education microsites.")
        {
            verbose,
            BuildCommand.Create(stdout),
            CheckCommand.Create(stdout),
            ServeCommand.Create(stdout),
            NewCommand.Create(stdout, stderr),
            TranslationsCommand.Create(stdout),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"backsitegen: {error.Message}");
            }

            stderr.WriteLine("Run 'backsitegen --help' for usage.");
            return ExitCodes.BadCommandLine;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"backsitegen: internal error ({ex.GetType().Name}: {ex.Message}). This is a bug in BackSiteGen, not in your site; please report it{(parsed.GetValue(verbose) ? "." : ", with the output of --verbose.")}");
            if (parsed.GetValue(verbose))
            {
                stderr.WriteLine(ex);
            }

            return ExitCodes.InternalError;
        }
    }
}
