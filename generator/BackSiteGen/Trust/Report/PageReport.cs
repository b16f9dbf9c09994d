namespace BackSiteGen.Trust.Report;

/// <summary>One row of the closing report: what a reviewer or editor wants to see about a page at a glance.</summary>
public sealed record PageReport(
    string Url,
    string Source,
    int Words,
    double Grade,
    double ReadingEase,
    double Smog,
    DateOnly? LastReviewed,
    DateOnly? NextReview,
    string Reviewer,
    int Citations,
    int OutboundLinks,
    int Warnings,
    int Errors)
{
    /// <summary>A Spanish page's indices (INFLESZ, Fernández-Huerta); null for other pages.</summary>
    public Readability.SpanishReadability? Spanish { get; init; }
}
