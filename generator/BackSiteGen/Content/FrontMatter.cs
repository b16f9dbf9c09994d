using BackSiteGen.Diagnostics;

namespace BackSiteGen.Content;

/// <summary>The typed front matter of a page. <see cref="Values"/> keeps every key as plain data for templates.</summary>
public sealed record FrontMatter(
    string Title,
    string Description,
    string? Layout,
    int? Order,
    bool Draft,
    DateOnly? Date,
    DateOnly? Updated,
    string? Permalink,
    string? Author,
    string? ReviewedBy,
    DateOnly? LastReviewed,
    DateOnly? NextReview,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyDictionary<string, SourceSpan> KeySpans)
{
    /// <summary>Where a key was written, or the top of the file when it was not.</summary>
    public SourceSpan SpanOf(string key, string file) =>
        KeySpans.TryGetValue(key, out var span) ? span : new SourceSpan(file, 1, 1);
}
