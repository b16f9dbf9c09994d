using Markdig;

namespace BackSiteGen.Markdown.Containers;

internal static class ContainersExtensionMethods
{
    /// <summary>Adds the theme's <c>:::note</c>, <c>:::urgent</c>, <c>:::steps</c>… containers.</summary>
    /// <param name="labels">The callout labels and care-card prefixes in the page's language, by container name; the
    /// English of <see cref="ContainerKind"/> when null.</param>
    public static MarkdownPipelineBuilder UseContainers(this MarkdownPipelineBuilder pipeline, IReadOnlyDictionary<string, string>? labels = null)
    {
        pipeline.Extensions.AddIfNotAlready(new ContainersExtension(labels));
        return pipeline;
    }
}
