using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown.Links;
using BackSiteGen.Markdown.RawHtml;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown;

/// <summary>Renders page bodies with one Markdig pipeline, built once and shared by every thread.</summary>
public sealed class MarkdownRenderer
{
    /// <summary>The most HTML one page body may render to: far above any real page (a few megabytes), and below the
    /// string limit templates run with, so a page is never cut short silently.</summary>
    public const int MaxHtmlLength = 16 * 1024 * 1024;

    private readonly MarkdownPipeline _pipeline;
    private readonly RawHtmlPolicy _rawHtml;

    public MarkdownRenderer(RawHtmlPolicy? rawHtml = null)
    {
        _rawHtml = rawHtml ?? RawHtmlPolicy.Strict;
        _pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = NestingDepth.Limit }
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseCustomContainers()
            .UsePreciseSourceLocation()
            .Build();
    }

    public MarkdownPipeline Pipeline => _pipeline;

    public RenderedContent Render(Page page, SiteIndex site, DiagnosticBag diagnostics)
    {
        try
        {
            if (NestingDepth.FirstTooDeepLine(page.Body) is not { } tooDeep)
            {
                return RenderChecked(page, site, diagnostics);
            }

            TooDeep(page, tooDeep, diagnostics);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            // Markdig's nesting guard fired (see NestingDepth); its message has no position, so we find the line ourselves.
            TooDeep(page, NestingDepth.DeepestLine(page.Body), diagnostics);
        }

        return new RenderedContent(string.Empty, [], []);
    }

    private static void TooDeep(Page page, int bodyLine, DiagnosticBag diagnostics) =>
        diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.NestingTooDeep,
            new Diagnostics.SourceSpan(page.Source.DisplayPath, page.BodyLine + bodyLine, 1),
            $"Lists, block quotes, links or emphasis are nested more than {NestingDepth.Limit} levels deep here; BackSiteGen stops there so a runaway page cannot crash the build."));

    private RenderedContent RenderChecked(Page page, SiteIndex site, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(page.Body, _pipeline);
        RawHtmlGuard.Check(document, page, _rawHtml, diagnostics);
        var toc = new List<TocEntry>();
        var links = new List<SourceLink>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock { Level: 2 or 3 } heading when heading.GetAttributes().Id is { } id:
                    toc.Add(new TocEntry(heading.Level, id, PlainText.Of(heading.Inline)));
                    break;
                case LinkInline link when link.Url is { } url:
                    var span = SpanOf(page, link.Line, link.Column);
                    var rewritten = LinkRewriter.Rewrite(url, page.Source.RelativePath, site);
                    if (rewritten is null)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PermalinkLeavesSite, span, $"The link '{url}' leaves the site: '..' climbs above the content folder."));
                        rewritten = url;
                    }

                    link.Url = rewritten;
                    links.Add(new SourceLink(url, rewritten, span, link.IsImage));
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        if (writer.GetStringBuilder().Length > MaxHtmlLength)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PageTooLarge, new Diagnostics.SourceSpan(page.Source.DisplayPath, page.BodyLine, 1), $"The page renders to more than {MaxHtmlLength / (1024 * 1024)} MB of HTML; split it into several pages."));
            return new RenderedContent(string.Empty, toc, links);
        }

        return new RenderedContent(writer.ToString(), toc, links);
    }

    /// <summary>Markdig counts lines and columns from 0 within the body; writers count from 1 within the file.</summary>
    public static Diagnostics.SourceSpan SpanOf(Page page, int line, int column) =>
        new(page.Source.DisplayPath, page.BodyLine + line, column + 1);
}
