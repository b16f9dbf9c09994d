using BackSiteGen.Diagnostics;

namespace BackSiteGen.Cli;

/// <summary>Prints findings in MSBuild's format, and as workflow commands when running in GitHub Actions.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        var github = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
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
