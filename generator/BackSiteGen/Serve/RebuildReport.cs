using BackSiteGen.Diagnostics;

namespace BackSiteGen.Serve;

/// <summary>What one rebuild did, for the console and for the browsers that show a changed page.</summary>
/// <param name="Trigger">What caused it, as a writer reads it: "content/a.md", "the theme", "start".</param>
/// <param name="ChangedFiles">Output paths whose bytes changed, were added or were removed.</param>
/// <param name="Diagnostics">Everything this rebuild found, errors and warnings, for the console.</param>
/// <param name="ProblemsChanged">True when the overlay appears, changes or clears, so every open page must reload.</param>
public sealed record RebuildReport(
    string Trigger,
    IReadOnlyList<string> ChangedFiles,
    IReadOnlyList<Diagnostic> Diagnostics,
    int PagesRendered,
    bool Full,
    bool ProblemsChanged,
    ServedSite Site,
    TimeSpan Elapsed)
{
    public bool Failed => Diagnostics.Any(d => d.Severity == Severity.Error);
}
