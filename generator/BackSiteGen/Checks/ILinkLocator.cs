using BackSiteGen.Diagnostics;

namespace BackSiteGen.Checks;

/// <summary>Says where a finding in a built file should be reported, and how to name pages in suggestions.</summary>
/// <remarks>The build maps output positions back to the Markdown a writer wrote; <c>check</c> on a folder it did not
/// build can only point into the output.</remarks>
public interface ILinkLocator
{
    /// <summary>Where to report the link at <paramref name="linkIndex"/>, and a note to append when the place is only approximate.</summary>
    (SourceSpan Span, string? Note) Locate(HtmlFacts file, int linkIndex);

    /// <summary>Whether a place returned by <see cref="Locate"/> is shared by many pages (a layout or partial), so
    /// one finding there is reported once, naming the pages it appeared on.</summary>
    bool IsShared(SourceSpan span);

    /// <summary>Where to report the repeated use <paramref name="again"/> of the id first used at <paramref name="first"/>.</summary>
    (SourceSpan Span, string? Note) LocateId(HtmlFacts file, HtmlId first, HtmlId again);

    /// <summary>The URL as the writer wrote it, for messages.</summary>
    string WrittenUrl(HtmlFacts file, int linkIndex);

    /// <summary>How a writer refers to the built file at <paramref name="outputPath"/> (<c>exercises/cat-cow.md</c>).</summary>
    string NameOf(string outputPath);

    /// <summary>A position in the output, as printed in notes: <c>output/a/index.html(3,5)</c>.</summary>
    string OutputPlace(string outputPath, int line, int column);
}
