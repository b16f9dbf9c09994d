using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust.Report;

/// <summary>The per-page report the CLI prints after a build and writes with <c>--report</c>.</summary>
public sealed record TrustReport(IReadOnlyList<PageReport> Pages)
{
    /// <summary>Every default-language page in every other edition that has pages: fresh, stale, unrecorded or missing.</summary>
    public IReadOnlyList<TranslationStatus> Translations { get; init; } = [];

    /// <summary>The INFLESZ below which a Spanish page warns, and the goal the report notes (site.yml readability:).</summary>
    public (double Min, double Goal) Inflesz { get; init; } = (55, 65);

    public static TrustReport Empty { get; } = new([]);

    public static TrustReport From(IEnumerable<PageFacts> pages, IReadOnlyList<Diagnostic> diagnostics)
    {
        var byFile = diagnostics.GroupBy(d => d.Span.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = pages
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .Select(p =>
            {
                var found = byFile.GetValueOrDefault(p.Source) ?? [];
                return new PageReport(
                    p.Url,
                    p.Source,
                    p.Readability.Statistics.Words,
                    Math.Round(p.Readability.Grade, 1),
                    Math.Round(p.Readability.ReadingEase, 1),
                    Math.Round(p.Readability.Smog, 1),
                    p.LastReviewed,
                    p.NextReview,
                    p.Reviewer,
                    p.Citations,
                    p.OutboundLinks,
                    found.Count(d => d.Severity == Severity.Warning),
                    found.Count(d => d.Severity == Severity.Error)) { Spanish = p.Spanish };
            })
            .ToList();
        return new TrustReport(rows);
    }
}
