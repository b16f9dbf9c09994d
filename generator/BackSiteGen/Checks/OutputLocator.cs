using BackSiteGen.Diagnostics;

namespace BackSiteGen.Checks;

/// <summary>Reports findings at their position in the built files: all <c>check</c> knows about another generator's site.</summary>
public sealed class OutputLocator(string displayRoot) : ILinkLocator
{
    private readonly string _root = displayRoot.Length == 0 ? string.Empty : displayRoot.TrimEnd('/') + "/";

    public (SourceSpan Span, string? Note) Locate(HtmlFacts file, int linkIndex)
    {
        var link = file.Links[linkIndex];
        return (new SourceSpan(_root + file.OutputPath, link.Line, link.Column), null);
    }

    public bool IsShared(SourceSpan span) => false;

    public (SourceSpan Span, string? Note) LocateId(HtmlFacts file, HtmlId first, HtmlId again) => (new SourceSpan(_root + file.OutputPath, again.Line, again.Column), null);

    public string WrittenUrl(HtmlFacts file, int linkIndex) => file.Links[linkIndex].Url;

    public string NameOf(string outputPath) =>
        "/" + (outputPath.EndsWith("index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length] : outputPath);

    public string OutputPlace(string outputPath, int line, int column) => new SourceSpan(_root + outputPath, line, column).ToString();
}
