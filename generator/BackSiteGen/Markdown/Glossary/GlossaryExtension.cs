using Markdig;
using Markdig.Renderers;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>Registers the term renderer; the terms themselves are found by <see cref="GlossaryLinker"/> after parsing,
/// because which use is the first depends on the whole page, not on one inline.</summary>
internal sealed class GlossaryExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlGlossaryTermRenderer>())
        {
            html.ObjectRenderers.Add(new HtmlGlossaryTermRenderer());
        }
    }
}
