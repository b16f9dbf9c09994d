using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = BackSiteGen.Diagnostics.SourceSpan;

namespace BackSiteGen.Markdown.RawHtml;

/// <summary>Reports raw HTML and links in a page's Markdown that would run scripts or embed other sites,
/// at the line and column the writer typed them.</summary>
public static class RawHtmlGuard
{
    public static void Check(MarkdownDocument document, Page page, RawHtmlPolicy policy, DiagnosticBag diagnostics)
    {
        if (policy.AllowScripts && policy.AllowIframes)
        {
            return;
        }

        int[]? lineStarts = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    Report(page.Body.Substring(block.Span.Start, Math.Min(block.Span.Length, page.Body.Length - block.Span.Start)), block.Span.Start);
                    break;
                case HtmlInline inline when inline.Tag is { } tag:
                    Report(tag, inline.Span.Start);
                    break;
                case LinkInline { Url: { } url } link when !policy.AllowScripts && RawHtmlScanner.IsScriptUrl(url):
                    Add(DiagnosticCodes.ScriptUrlInContent, $"The link '{url}' runs a script; content may not. Link to a page instead.", MarkdownRenderer.SpanOf(page, link.Line, link.Column));
                    break;
                case AutolinkInline { Url: { } url } autolink when !policy.AllowScripts && RawHtmlScanner.IsScriptUrl(url):
                    Add(DiagnosticCodes.ScriptUrlInContent, $"The link '{url}' runs a script; content may not. Link to a page instead.", MarkdownRenderer.SpanOf(page, autolink.Line, autolink.Column));
                    break;
            }
        }

        void Report(string html, int start)
        {
            foreach (var finding in RawHtmlScanner.Scan(html, policy))
            {
                lineStarts ??= LineStarts(page.Body);
                var offset = start + finding.Offset;
                var line = Array.BinarySearch(lineStarts, offset);
                line = line >= 0 ? line : ~line - 1;
                Add(finding.Code, finding.Message, MarkdownRenderer.SpanOf(page, line, offset - lineStarts[line]));
            }
        }

        void Add(string code, string message, SourceSpan span) => diagnostics.Add(Diagnostic.Error(code, span, message));
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
