using BackSiteGen.Diagnostics;

namespace BackSiteGen.Citations;

/// <summary>One citation of one key as written in a page, known to the bibliography or not.</summary>
/// <param name="Span">The position of the <c>@</c> in the page's .md file.</param>
public sealed record CitationUse(string Key, int Number, string? Locator, SourceSpan Span);
