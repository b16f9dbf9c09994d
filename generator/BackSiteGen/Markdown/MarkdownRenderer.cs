using BackSiteGen.Citations;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown.Citations;
using BackSiteGen.Markdown.Containers;
using BackSiteGen.Markdown.Images;
using BackSiteGen.Markdown.Glossary;
using BackSiteGen.Markdown.Links;
using BackSiteGen.Markdown.RawHtml;
using BackSiteGen.Trust.Accessibility;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
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
    private readonly Bibliography _bibliography;
    private readonly ImageSizeCache _imageSizes = new();
    private readonly bool _lintAccessibility;
    private readonly RawHtmlPolicy _rawHtml;
    private readonly Trust.PageLint? _lint;

    /// <param name="bibliography">The site's sources; citations of other keys are errors.</param>
    /// <param name="glossary">Terms to link on first use; null for none.</param>
    /// <param name="lintAccessibility">Report missing alt text, skipped headings and vague or empty links.</param>
    /// <param name="rawHtml">What raw HTML in content may do (scripts and frames are refused by default).</param>
    /// <param name="lint">The trust checks on unfinished text, placeholders and statistics; null for none.</param>
    /// <param name="containerLabels">Callout labels and care-card prefixes in the edition's language, by container name.</param>
    internal MarkdownRenderer(Bibliography? bibliography, Glossary.Glossary? glossary, bool lintAccessibility, RawHtmlPolicy? rawHtml, Trust.PageLint? lint, IReadOnlyDictionary<string, string>? containerLabels = null)
        : this(bibliography, glossary, lintAccessibility, rawHtml, containerLabels) => _lint = lint;

    public MarkdownRenderer(Bibliography? bibliography = null, Glossary.Glossary? glossary = null, bool lintAccessibility = true, RawHtmlPolicy? rawHtml = null)
        : this(bibliography, glossary, lintAccessibility, rawHtml, (IReadOnlyDictionary<string, string>?)null)
    {
    }

    private MarkdownRenderer(Bibliography? bibliography, Glossary.Glossary? glossary, bool lintAccessibility, RawHtmlPolicy? rawHtml, IReadOnlyDictionary<string, string>? containerLabels)
    {
        _bibliography = bibliography ?? Bibliography.Empty;
        Glossary = glossary;
        _lintAccessibility = lintAccessibility;
        _rawHtml = rawHtml ?? RawHtmlPolicy.Strict;
        var builder = new MarkdownPipelineBuilder { MaximumNestingDepth = NestingDepth.Limit }
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseContainers(containerLabels)
            .UsePreciseSourceLocation()
            .UseGlossary();

        // Named in full: Markdig ships an unrelated UseCitations() (<cite> for ""quoted"" text).
        _pipeline = CitationMarkdownExtensions.UseCitations(builder, containerLabels?.GetValueOrDefault(CitationLabelKey) ?? "Reference").Build();
    }

    /// <summary>The key of the containers' label map that carries the citations' screen-reader word.</summary>
    internal const string CitationLabelKey = "citation";

    public Glossary.Glossary? Glossary { get; }

    public MarkdownPipeline Pipeline => _pipeline;

    public RenderedContent Render(PageText text, SiteIndex site, DiagnosticBag diagnostics)
    {
        var page = text.Page;
        try
        {
            if (LinkDensity.FirstDenseParagraph(text.Body) is { } dense)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooManyLinks, new Diagnostics.SourceSpan(page.Source.DisplayPath, page.BodyLine + dense, 1), $"This paragraph has more than {LinkDensity.Limit} unclosed links ('](' with no ')'): close them or split the paragraph, so a runaway page cannot stall the build."));
                return new RenderedContent(string.Empty, [], []);
            }

            if (NestingDepth.FirstTooDeepLine(text.Body) is not { } tooDeep)
            {
                return RenderChecked(page, text.Body, site, diagnostics);
            }

            TooDeep(page, tooDeep, diagnostics);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.Ordinal))
        {
            // Markdig's nesting guard fired (see NestingDepth); its message has no position, so we find the line ourselves.
            TooDeep(page, NestingDepth.DeepestLine(text.Body), diagnostics);
        }

        return new RenderedContent(string.Empty, [], []);
    }

    private static void TooDeep(Page page, int bodyLine, DiagnosticBag diagnostics) =>
        diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.NestingTooDeep,
            new Diagnostics.SourceSpan(page.Source.DisplayPath, page.BodyLine + bodyLine, 1),
            $"Lists, block quotes, links or emphasis are nested more than {NestingDepth.Limit} levels deep here; BackSiteGen stops there so a runaway page cannot crash the build."));

    private RenderedContent RenderChecked(Page page, string body, SiteIndex site, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(body, _pipeline);
        RawHtmlGuard.Check(document, page, body, _rawHtml, diagnostics);
        if (_lintAccessibility)
        {
            // Before links are rewritten, so findings quote URLs as the writer wrote them.
            AccessibilityLint.Check(document, page, diagnostics);
        }

        _lint?.Check(document, page, diagnostics);

        var toc = new List<TocEntry>();
        var links = new List<SourceLink>();
        var citations = new PageCitations(page, _bibliography, diagnostics);
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
                    if (link.IsImage)
                    {
                        _imageSizes.Apply(link, url, page.Source);
                    }

                    break;
                case CustomContainer container:
                    ContainerCheck.Check(container, page, body, diagnostics);
                    break;
                case CitationGroup group:
                    citations.Add(group);
                    break;
            }
        }

        // After the links were collected, so glossary links never reach the link checks as the writer's own.
        var terms = Glossary is null ? [] : GlossaryLinker.Link(document, Glossary, page.Source.RelativePath);
        var readable = ReadableText.Of(document, page.FrontMatter.Title);
        // Markdig's ToHtml rents a renderer, with its grown output buffer, from the pipeline's pool: a new renderer and
        // writer per page cost more allocation than the page's own HTML.
        var html = Markdig.Markdown.ToHtml(document, _pipeline);
        if (html.Length > MaxHtmlLength)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PageTooLarge, new Diagnostics.SourceSpan(page.Source.DisplayPath, page.BodyLine, 1), $"The page renders to more than {MaxHtmlLength / (1024 * 1024)} MB of HTML; split it into several pages."));
            return new RenderedContent(string.Empty, toc, links);
        }

        return new RenderedContent(html, toc, links)
        {
            ReadableBlocks = readable,
            GlossaryTerms = terms,
            References = citations.References,
            Citations = citations.Uses,
        };
    }

    /// <summary>Markdig counts lines and columns from 0 within the body; writers count from 1 within the file.</summary>
    public static Diagnostics.SourceSpan SpanOf(Page page, int line, int column) =>
        new(page.Source.DisplayPath, page.BodyLine + line, column + 1);
}
