using Markdig;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>The <c>UseXxx()</c> entry point, as Markdig's own extensions have.</summary>
internal static class GlossaryMarkdownExtensions
{
    public static MarkdownPipelineBuilder UseGlossary(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<GlossaryExtension>();
        return pipeline;
    }
}
