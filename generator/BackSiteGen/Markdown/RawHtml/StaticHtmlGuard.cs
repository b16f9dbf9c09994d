using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Markdown.RawHtml;

/// <summary>Holds the HTML, SVG and XML files that content publishes as they are to the same policy as pages' raw HTML.</summary>
/// <remarks>They used to be copied unscanned: a page could send readers to <c>x.html</c> (or an image link to
/// <c>x.svg</c>) and run any script from there. A browser opening an <c>.svg</c>, <c>.xhtml</c> or <c>.xml</c> file reads
/// it as XML, where <c>&lt;h:script xmlns:h="http://www.w3.org/1999/xhtml"&gt;</c> runs too; names are judged by their
/// local part for that reason.</remarks>
public static class StaticHtmlGuard
{
    private static readonly string[] Extensions = [".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".xml", ".xsl", ".xslt", ".mml"];

    public static bool Applies(string relativePath) => Extensions.Contains(Path.GetExtension(relativePath), StringComparer.OrdinalIgnoreCase);

    public static void Check(IEnumerable<SourceFile> files, RawHtmlPolicy policy, DiagnosticBag diagnostics)
    {
        if (policy.AllowScripts && policy.AllowIframes)
        {
            return;
        }

        foreach (var file in files.Where(f => Applies(f.RelativePath)))
        {
            if (SourceText.Read(file.FullPath, file.DisplayPath, diagnostics) is not { } text)
            {
                continue;
            }

            foreach (var finding in HtmlPolicy.Check(text, policy))
            {
                var (line, column) = LineAndColumn(text, finding.Offset);
                diagnostics.Add(Diagnostic.Error(finding.Code, new SourceSpan(file.DisplayPath, line, column), finding.Message));
            }
        }
    }

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var before = text.AsSpan(0, offset);
        var line = before.Count('\n') + 1;
        var lastNewline = before.LastIndexOf('\n');
        return (line, offset - lastNewline);
    }
}
