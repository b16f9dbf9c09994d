using Markdig;

namespace BackSiteGen.Markdown.Containers;

internal static class ContainersExtensionMethods
{
    /// <summary>Adds the theme's <c>:::note</c>, <c>:::urgent</c>, <c>:::steps</c>… containers.</summary>
    public static MarkdownPipelineBuilder UseContainers(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ContainersExtension>();
        return pipeline;
    }
}
