using BackSiteGen.Diagnostics;
using BackSiteGen.Trust.Report;

namespace BackSiteGen.Site;

/// <summary>What a build did. <see cref="Succeeded"/> is false when the output folder was left as it was.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, bool Succeeded, TimeSpan Elapsed)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Per page: words, reading grade, review dates, reviewer, citations, outbound links, warnings.</summary>
    public TrustReport Report { get; init; } = TrustReport.Empty;

    /// <summary>Wall time per stage, in order.</summary>
    public IReadOnlyList<StageTime> Stages { get; init; } = [];
}
