using BackSiteGen.Trust.Readability;

namespace BackSiteGen.Trust;

/// <summary>What the trust checks learned about one rendered page, for the closing report.</summary>
/// <param name="Url">The page's URL with the base path.</param>
/// <param name="Source">The source file as diagnostics print it.</param>
/// <param name="Citations">Distinct sources the page cites ([@key] markers in its Markdown).</param>
/// <param name="OutboundLinks">Links to other sites (http, https).</param>
/// <param name="HasJsonLd">False when the theme did not write the page's JSON-LD into it.</param>
public sealed record PageFacts(
    string Url,
    string Source,
    ReadabilityScore Readability,
    DateOnly? LastReviewed,
    DateOnly? NextReview,
    string Reviewer,
    int Citations,
    int OutboundLinks,
    IReadOnlyList<string> GlossaryTerms,
    bool HasJsonLd)
{
    /// <summary>The language code of the page's edition.</summary>
    public string Language { get; init; } = string.Empty;

    /// <summary>A Spanish page's INFLESZ and Fernández-Huerta indices; null for pages in other languages.</summary>
    public SpanishReadability? Spanish { get; init; }

    /// <summary>The page's absolute address, as hreflang links name it.</summary>
    public string Permalink { get; init; } = string.Empty;

    /// <summary>Where the page's hreflang findings are reported: its translation_of line, or its top.</summary>
    public Diagnostics.SourceSpan LanguageSpan { get; init; }

    /// <summary>The <c>&lt;link rel="alternate" hreflang&gt;</c> links the theme wrote into the page: (hreflang, href).</summary>
    public IReadOnlyList<(string Language, string Url)> Alternates { get; init; } = [];
}
