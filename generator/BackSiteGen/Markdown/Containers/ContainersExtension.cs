using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace BackSiteGen.Markdown.Containers;

/// <summary>The <c>:::name</c> block containers of the theme (callouts, care cards, steps). Parsing reuses Markdig's
/// fenced custom-container parser; only the HTML differs, so the syntax stays the one writers already know.</summary>
internal sealed class ContainersExtension(IReadOnlyDictionary<string, string>? labels = null) : IMarkdownExtension
{
    public ContainersExtension()
        : this(null)
    {
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<CustomContainerParser>())
        {
            // Before the paragraph parser, as Markdig's own extension does, so ':::' never starts a paragraph.
            pipeline.BlockParsers.InsertBefore<Markdig.Parsers.FencedCodeBlockParser>(new CustomContainerParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.RemoveAll(r => r is HtmlCustomContainerRenderer);
            if (!html.ObjectRenderers.Contains<HtmlContainerRenderer>())
            {
                html.ObjectRenderers.InsertBefore<Markdig.Renderers.Html.CodeBlockRenderer>(new HtmlContainerRenderer(labels));
            }
        }
    }
}
