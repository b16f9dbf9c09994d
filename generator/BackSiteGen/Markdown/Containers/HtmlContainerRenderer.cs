using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BackSiteGen.Markdown.Containers;

/// <summary>Renders <c>:::name</c> containers as the theme's components: callouts as <c>aside</c>, care cards in the
/// NHS pattern (a heading with a visually hidden urgency prefix), and steps as an ordered list.</summary>
/// <remarks>Callouts carry a visible label rather than an <c>aria-label</c>: inside an <c>article</c> an unnamed
/// <c>aside</c> is no landmark, so a page with many tips does not flood the landmark list, and every reader
/// (sighted, screen reader, print) gets the same words.</remarks>
internal sealed class HtmlContainerRenderer(IReadOnlyDictionary<string, string>? labels) : HtmlObjectRenderer<CustomContainer>
{
    private string LabelOf(ContainerKind kind) => labels?.GetValueOrDefault(kind.Name) ?? kind.Label;

    protected override void Write(HtmlRenderer renderer, CustomContainer block)
    {
        renderer.EnsureLine();
        var kind = ContainerKind.Find(block.Info);
        if (!renderer.EnableHtmlForBlock)
        {
            renderer.WriteChildren(block);
            return;
        }

        switch (kind?.Role)
        {
            case ContainerRole.Callout:
                WriteCallout(renderer, block, kind);
                break;
            case ContainerRole.CareCard:
                WriteCareCard(renderer, block, kind);
                break;
            case ContainerRole.Steps:
                WriteSteps(renderer, block);
                break;
            default:
                // Unknown names are reported at their line; the text still reaches the reader.
                renderer.Write("<div").WriteAttributes(block).WriteLine(">");
                renderer.WriteChildren(block);
                renderer.EnsureLine().WriteLine("</div>");
                break;
        }
    }

    private void WriteCallout(HtmlRenderer renderer, CustomContainer block, ContainerKind kind)
    {
        var label = string.IsNullOrWhiteSpace(block.Arguments) ? LabelOf(kind) : block.Arguments.Trim();
        renderer.Write("<aside class=\"callout callout-").Write(kind.Name).WriteLine("\">");
        renderer.Write("<p class=\"callout-label\">").WriteEscape(label).WriteLine("</p>");
        renderer.WriteChildren(block);
        renderer.EnsureLine().WriteLine("</aside>");
    }

    private void WriteCareCard(HtmlRenderer renderer, CustomContainer block, ContainerKind kind)
    {
        renderer.Write("<div class=\"care-card care-card--").Write(kind.Name).WriteLine("\">");
        var first = block.Count > 0 ? block[0] : null;
        var heading = first as HeadingBlock;
        var level = heading?.Level ?? 3;
        renderer.Write("<h").Write(level.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (heading is not null)
        {
            renderer.WriteAttributes(heading);
        }

        renderer.Write(" class=\"care-card__heading\"><span class=\"visually-hidden\">").WriteEscape(LabelOf(kind)).Write("</span>");
        if (heading is not null)
        {
            renderer.WriteLeafInline(heading);
        }
        else
        {
            renderer.WriteEscape(LabelOf(kind).TrimEnd(' ', ':'));
        }

        renderer.Write("</h").Write(level.ToString(System.Globalization.CultureInfo.InvariantCulture)).WriteLine(">");
        renderer.WriteLine("<div class=\"care-card__content\">");
        for (var i = heading is null ? 0 : 1; i < block.Count; i++)
        {
            renderer.Render(block[i]);
        }

        renderer.EnsureLine().WriteLine("</div>");
        renderer.WriteLine("</div>");
    }

    private static void WriteSteps(HtmlRenderer renderer, CustomContainer block)
    {
        foreach (var child in block)
        {
            if (child is ListBlock { IsOrdered: true } list)
            {
                list.GetAttributes().AddClass("steps");
            }

            renderer.Render(child);
        }
    }
}
