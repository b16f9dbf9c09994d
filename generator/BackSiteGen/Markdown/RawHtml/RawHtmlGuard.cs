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
    public static void Check(MarkdownDocument document, Page page, string body, RawHtmlPolicy policy, DiagnosticBag diagnostics)
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
                    CheckBlock(block);
                    break;
                case HtmlInline inline when inline.Tag is { } tag:
                    CheckInline(inline, tag);
                    break;
                case LinkInline { Url: { } url } link when !policy.AllowScripts && RawHtmlScanner.IsScriptUrl(url):
                    Add(DiagnosticCodes.ScriptUrlInContent, $"The link '{url}' runs a script; content may not. Link to a page instead.", MarkdownRenderer.SpanOf(page, link.Line, link.Column));
                    break;
                case AutolinkInline { Url: { } url } autolink when !policy.AllowScripts && RawHtmlScanner.IsScriptUrl(url):
                    Add(DiagnosticCodes.ScriptUrlInContent, $"The link '{url}' runs a script; content may not. Link to a page instead.", MarkdownRenderer.SpanOf(page, autolink.Line, autolink.Column));
                    break;
            }
        }

        // Scan the block's lines as the browser will get them: inside a block quote or list, Markdig strips the
        // '> ' or indentation from each line, so "<div\n> onclick=…>" reaches the reader as an event attribute.
        void CheckBlock(HtmlBlock block)
        {
            var lines = block.Lines;
            var html = new System.Text.StringBuilder();
            var starts = new int[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                starts[i] = html.Length;
                html.Append(lines.Lines[i].Slice.AsSpan()).Append('\n');
            }

            foreach (var finding in RawHtmlScanner.Scan(html.ToString(), policy))
            {
                var i = Array.BinarySearch(starts, finding.Offset);
                i = i >= 0 ? i : ~i - 1;
                var slice = lines.Lines[i].Slice;
                var offset = ReferenceEquals(slice.Text, body) ? slice.Start + finding.Offset - starts[i] : -1;
                if (offset < 0)
                {
                    // A copied line (tabs expanded): its line is still right.
                    Add(finding.Code, finding.Message, MarkdownRenderer.SpanOf(page, lines.Lines[i].Line, lines.Lines[i].Column));
                    continue;
                }

                lineStarts ??= LineStarts(body);
                var line = Array.BinarySearch(lineStarts, offset);
                line = line >= 0 ? line : ~line - 1;
                Add(finding.Code, finding.Message, MarkdownRenderer.SpanOf(page, line, offset - lineStarts[line]));
            }
        }

        // An inline tag's text has its container prefixes removed too; count its lines to find the one to report.
        void CheckInline(HtmlInline inline, string tag)
        {
            foreach (var finding in RawHtmlScanner.Scan(tag, policy))
            {
                var newline = tag.LastIndexOf('\n', Math.Max(0, finding.Offset - 1));
                var lines = tag.AsSpan(0, finding.Offset).Count('\n');
                var span = lines == 0
                    ? MarkdownRenderer.SpanOf(page, inline.Line, inline.Column + finding.Offset)
                    : MarkdownRenderer.SpanOf(page, inline.Line + lines, finding.Offset - newline - 1);
                Add(finding.Code, finding.Message, span);
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
