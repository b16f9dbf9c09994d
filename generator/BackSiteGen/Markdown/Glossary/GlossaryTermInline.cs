using Markdig.Syntax.Inlines;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>The first use of a glossary term on a page; its children are the words as the writer wrote them.</summary>
internal sealed class GlossaryTermInline(GlossaryEntry entry, string href) : ContainerInline
{
    public GlossaryEntry Entry { get; } = entry;

    /// <summary>The entry on the glossary page, base path included.</summary>
    public string Href { get; } = href;
}
