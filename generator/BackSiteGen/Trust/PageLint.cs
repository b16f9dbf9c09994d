using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Trust.Placeholders;
using BackSiteGen.Trust.Prose;
using BackSiteGen.Trust.Statistics;
using BackSiteGen.Trust.Unfinished;
using Markdig.Syntax;
using SourceSpan = BackSiteGen.Diagnostics.SourceSpan;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Trust;

/// <summary>The checks that keep wrong or unfinished text from being published silently, run on each page's Markdown
/// tree while it renders: unfinished-work markers, placeholder addresses, statistics without a source, doses
/// without their origin.</summary>
/// <param name="Preview">A <c>serve</c> preview: what would stop a build is a warning, shown while the writer works.</param>
/// <param name="PublishesToRealOrigin">The site's base URL is a real one, so a placeholder address would go live.</param>
internal sealed record PageLint(bool Preview, bool PublishesToRealOrigin)
{
    public void Check(MarkdownDocument document, Page page, DiagnosticBag diagnostics)
    {
        var prose = ProseReader.Read(document, page);
        CheckUnfinished(prose, page, diagnostics);
        CheckPlaceholders(document, prose, page, diagnostics);
        StatisticsCheck.Check(prose, page, diagnostics);
    }

    /// <summary>Whether a preview's warning is one that <see cref="Blocking"/> made an error in a build.</summary>
    public static bool StopsBuild(Diagnostic diagnostic) =>
        diagnostic.Severity == Severity.Warning && diagnostic.Code is DiagnosticCodes.UnfinishedText or DiagnosticCodes.PlaceholderAddress;

    /// <summary>A finding that stops a build, but only warns in a preview.</summary>
    public Diagnostic Blocking(string code, SourceSpan span, string message) =>
        Preview ? Diagnostic.Warning(code, span, message) : Diagnostic.Error(code, span, message);

    /// <summary>A placeholder address: consistent in a demo build (its own URL is a placeholder too), blocking when published.</summary>
    public Diagnostic Placeholder(SourceSpan span, string address) =>
        PublishesToRealOrigin
            ? Blocking(DiagnosticCodes.PlaceholderAddress, span, $"'{address}' is a placeholder at a reserved documentation domain, and this site is published to a real address: readers would write or click into nowhere. Enter the organisation's real address.")
            : Diagnostic.Note(DiagnosticCodes.PlaceholderAddress, span, $"'{address}' is a placeholder (a reserved documentation domain); fine while the site's own base_url is one, an error once it is published to a real address.");

    private void CheckUnfinished(IReadOnlyList<ProseBlock> prose, Page page, DiagnosticBag diagnostics)
    {
        var file = page.Source.DisplayPath;
        foreach (var (key, value) in page.FrontMatter.Values)
        {
            if (FirstMarker(value) is { } marker)
            {
                diagnostics.Add(Blocking(DiagnosticCodes.UnfinishedText, page.FrontMatter.SpanOf(key, file), $"'{key}' still has the placeholder '{marker}': write the real text, or keep the page out of the site with 'draft: true' until it is done."));
            }
        }

        foreach (var block in prose)
        {
            if (UnfinishedMarkers.First(block.Text) is { Success: true } match)
            {
                diagnostics.Add(Blocking(DiagnosticCodes.UnfinishedText, block.SpanAt(match.Index), $"'{match.Value}' marks unfinished text (\"{Excerpt(block.Text, match.Index)}\"): finish it, or keep the page out of the site with 'draft: true' until it is done."));
            }
        }
    }

    private static string? FirstMarker(object? value) => value switch
    {
        string text when UnfinishedMarkers.First(text) is { Success: true } match => match.Value,
        IReadOnlyDictionary<string, object?> map => map.Values.Select(FirstMarker).FirstOrDefault(m => m is not null),
        IReadOnlyList<object?> list => list.Select(FirstMarker).FirstOrDefault(m => m is not null),
        _ => null,
    };

    private void CheckPlaceholders(MarkdownDocument document, IReadOnlyList<ProseBlock> prose, Page page, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<(int Line, string Host)>();
        foreach (var node in document.Descendants())
        {
            var (url, line, column) = node switch
            {
                LinkInline link => (link.Url, link.Line, link.Column),
                AutolinkInline auto => (auto.IsEmail ? "mailto:" + auto.Url : auto.Url, auto.Line, auto.Column),
                _ => (null, 0, 0),
            };
            if (url is not null && ReservedDomains.HostOf(url) is { } host && ReservedDomains.IsReserved(host))
            {
                var span = MarkdownRenderer.SpanOf(page, line, column);
                reported.Add((span.Line, host.ToLowerInvariant()));
                diagnostics.Add(Placeholder(span, url));
            }
        }

        foreach (var block in prose)
        {
            foreach (var (index, address) in ReservedDomains.InText(block.Text))
            {
                if (ReservedDomains.HostOf(address) is { } host && ReservedDomains.IsReserved(host))
                {
                    var span = block.SpanAt(index);
                    if (reported.Add((span.Line, host.ToLowerInvariant())))
                    {
                        diagnostics.Add(Placeholder(span, address));
                    }
                }
            }
        }
    }

    private static string Excerpt(string text, int index)
    {
        var start = Math.Max(0, index - 20);
        var excerpt = string.Join(' ', text[start..Math.Min(text.Length, index + 40)].Replace(ProseBlock.CitationMark, ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (start > 0 ? "…" : string.Empty) + excerpt + (index + 40 < text.Length ? "…" : string.Empty);
    }
}
