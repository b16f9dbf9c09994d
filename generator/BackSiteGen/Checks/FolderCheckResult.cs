using BackSiteGen.Diagnostics;

namespace BackSiteGen.Checks;

/// <summary>What <c>check</c> found. <see cref="Succeeded"/> is false when an error (or, with --strict, a warning) was found.</summary>
public sealed record FolderCheckResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Links, bool Succeeded, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
