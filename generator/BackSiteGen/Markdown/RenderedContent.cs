using BackSiteGen.Citations;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Markdown;

/// <summary>One entry of a page's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Title);

/// <summary>A link or image as the writer wrote it, with the URL it became and where it was written.</summary>
/// <param name="Written">The URL in the Markdown source.</param>
/// <param name="Rendered">The URL in the HTML (after .md links became page URLs and the base path was added).</param>
public sealed record SourceLink(string Written, string Rendered, SourceSpan Span, bool IsImage);

/// <summary>The Markdown body of a page turned into HTML, with what later stages need to know about it.</summary>
public sealed record RenderedContent(string Html, IReadOnlyList<TocEntry> Toc, IReadOnlyList<SourceLink> Links)
{
    /// <summary>The title, headings, paragraphs and list items as plain text, for the readability scores.</summary>
    public IReadOnlyList<string> ReadableBlocks { get; init; } = [];

    /// <summary>Ids of the glossary terms linked on this page.</summary>
    public IReadOnlyList<string> GlossaryTerms { get; init; } = [];
    /// <summary>The sources the page cites, by number (order of first citation); unknown keys are left out.</summary>
    public IReadOnlyList<CitedReference> References { get; init; } = [];

    /// <summary>Every citation as written, unknown keys included, for the references page and the post-render check.</summary>
    public IReadOnlyList<CitationUse> Citations { get; init; } = [];
}
