using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>Renders a term as a link to its glossary entry whose accessible description is the definition.</summary>
/// <remarks>
/// <c>&lt;a class="term" href="/glossary/#disc" aria-describedby="glossary-def-disc"&gt;disc&lt;/a&gt;&lt;span id="glossary-def-disc" hidden&gt;definition&lt;/span&gt;</c>.
/// Why this shape: a <c>title</c> or hover tooltip never shows on touch screens and is not reliably read; the link
/// works everywhere without JavaScript (tap it, read the entry, come back); a screen reader announces the definition
/// as the link's description, and content referenced by <c>aria-describedby</c> is read even when <c>hidden</c>,
/// so it is not announced twice. The id is unique on the page because only the first use of each term is linked.
/// </remarks>
internal sealed class HtmlGlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    public const string DefinitionIdPrefix = "glossary-def-";

    protected override void Write(HtmlRenderer renderer, GlossaryTermInline term)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(term);
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(term);
            return;
        }

        var id = DefinitionIdPrefix + term.Entry.Id;
        renderer.Write("<a class=\"term\" href=\"").WriteEscapeUrl(term.Href).Write("\" aria-describedby=\"").Write(id).Write("\">");
        renderer.WriteChildren(term);
        renderer.Write("</a><span id=\"").Write(id).Write("\" hidden>").WriteEscape(term.Entry.Definition).Write("</span>");
    }
}
