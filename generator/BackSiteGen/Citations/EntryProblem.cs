using BackSiteGen.Diagnostics;

namespace BackSiteGen.Citations;

/// <summary>A problem in one bibliography entry, kept until the pages are rendered: an error when a page cites the
/// entry, a warning when none does, so an unused entry of a Zotero export never fails the build.</summary>
/// <param name="Key">The entry's id; null for an entry without one, which no page can cite.</param>
public sealed record EntryProblem(string? Key, Diagnostic Diagnostic);
