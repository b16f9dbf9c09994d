using Markdig;

namespace BackSiteGen.Markdown.Citations;

/// <summary>The <c>UseXxx()</c> entry point, as every Markdig extension has.</summary>
internal static class CitationMarkdownExtensions
{
    /// <summary>Parses pandoc citations (<c>[@key]</c>) and renders them as numbered superscript links to <c>#ref-key</c>.</summary>
    /// <param name="label">The word read before each reference number, in the page's language.</param>
    public static MarkdownPipelineBuilder UseCitations(this MarkdownPipelineBuilder pipeline, string label = "Reference")
    {
        pipeline.Extensions.AddIfNotAlready(new CitationExtension(label));
        return pipeline;
    }
}
