using BackSiteGen.Diagnostics;

namespace BackSiteGen.Cli;

/// <summary>Prints findings in MSBuild's format, and as workflow commands when running in GitHub Actions.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output) =>
        Print(diagnostics, output, string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase));

    /// <param name="github">Also print workflow commands; tests pass it rather than set a variable every parallel test would see.</param>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output, bool github)
    {
        foreach (var d in diagnostics)
        {
            output.WriteLine(DiagnosticFormatter.ToMsBuild(d));
            if (github)
            {
                output.WriteLine(DiagnosticFormatter.ToGitHubAnnotation(d));
            }
        }
    }
}
