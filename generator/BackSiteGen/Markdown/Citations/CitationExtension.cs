using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace BackSiteGen.Markdown.Citations;

/// <summary>pandoc-style citations for Markdig: the parser, the per-document numbering and the HTML renderer.</summary>
internal sealed class CitationExtension(string label = "Reference") : IMarkdownExtension
{
    public CitationExtension()
        : this("Reference")
    {
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the link parser, which would otherwise take "[" first and leave "[@a]" as literal text.
        if (!pipeline.InlineParsers.Contains<CitationParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationParser());
        }

        if (!pipeline.InlineParsers.Contains<InTextCitationParser>())
        {
            pipeline.InlineParsers.Add(new InTextCitationParser());
        }

        pipeline.DocumentProcessed -= CitationNumbering.Number;
        pipeline.DocumentProcessed += CitationNumbering.Number;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlCitationRenderer>())
        {
            html.ObjectRenderers.Add(new HtmlCitationRenderer(label));
        }
    }
}
