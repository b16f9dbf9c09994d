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
    SourceSpan Span)
{
    /// <summary>The title with its rich-text markup; <see cref="Title"/> is its plain text.</summary>
    public RichText? RichTitle { get; init; }

    public RichText? RichContainerTitle { get; init; }

    public IReadOnlyList<ReferenceAuthor> Editors { get; init; } = [];

    /// <summary>The authors of the whole book a chapter is in (CSL <c>container-author</c>).</summary>
    public IReadOnlyList<ReferenceAuthor> ContainerAuthors { get; init; } = [];

    /// <summary>A series (CSL <c>collection-title</c>) and its number.</summary>
    public RichText? CollectionTitle { get; init; }

    public string? CollectionNumber { get; init; }

    public string? NumberOfVolumes { get; init; }

    public string? ChapterNumber { get; init; }

    /// <summary>A report's, law case's or standard's number (CSL <c>number</c>).</summary>
    public string? Number { get; init; }

    /// <summary>"Dissertation", "Master's thesis", "Guideline", "Technical report", … (CSL <c>genre</c>).</summary>
    public string? Genre { get; init; }

    public string? PublisherPlace { get; init; }

    /// <summary>The court of a legal case (CSL <c>authority</c>).</summary>
    public string? Authority { get; init; }

    /// <summary>A newspaper's section (CSL <c>section</c>).</summary>
    public string? Section { get; init; }

    public string? Version { get; init; }

    public string? Medium { get; init; }

    /// <summary>The first publication, when <see cref="Issued"/> is a later revision (a web page's "Published" date when
    /// <c>issued</c> is its update).</summary>
    public ReferenceDate? OriginalDate { get; init; }

    /// <summary>When an article ahead of print went online (CSL <c>available-date</c>).</summary>
    public ReferenceDate? AvailableDate { get; init; }

    /// <summary>CSL <c>status</c>, e.g. "ahead of print", "in press".</summary>
    public string? Status { get; init; }
}
