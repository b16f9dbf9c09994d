using Markdig;

namespace BackSiteGen.Markdown.Citations;

/// <summary>The <c>UseXxx()</c> entry point, as every Markdig extension has.</summary>
internal static class CitationMarkdownExtensions
{
    /// <summary>Parses pandoc citations (<c>[@key]</c>) and renders them as numbered superscript links to <c>#ref-key</c>.</summary>
    public static MarkdownPipelineBuilder UseCitations(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CitationExtension>();
        return pipeline;
    }
}
