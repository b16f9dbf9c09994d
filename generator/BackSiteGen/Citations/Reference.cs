using BackSiteGen.Diagnostics;

namespace BackSiteGen.Citations;

/// <summary>One source from the bibliography, with the CSL fields the AMA formatter reads.</summary>
/// <param name="Id">The citation key writers type after <c>@</c>.</param>
/// <param name="Type">The CSL item type: <c>article-journal</c>, <c>webpage</c>, <c>book</c>, …</param>
/// <param name="Span">Where the <c>id</c> was written, so every finding about the source points at it.</param>
public sealed record Reference(
    string Id,
    string Type,
    IReadOnlyList<ReferenceAuthor> Authors,
    string? Title,
    string? ContainerTitle,
    string? ContainerTitleShort,
    ReferenceDate? Issued,
    string? Volume,
    string? Issue,
    string? Page,
    string? Doi,
    string? Url,
    ReferenceDate? Accessed,
    string? Publisher,
    string? Edition,
    SourceSpan Span);
