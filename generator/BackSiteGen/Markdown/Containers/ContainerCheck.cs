using System.Text.RegularExpressions;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using SourceSpan = BackSiteGen.Diagnostics.SourceSpan;

namespace BackSiteGen.Markdown.Containers;

/// <summary>What a writer can get wrong with a <c>:::name</c> container, reported at its line so nothing is published
/// in the wrong place or dropped: a name the theme does not know, a container never closed (it would take in the rest
/// of the page: self-care advice rendered as urgent advice), text after a fence (never shown), and a care card that
/// holds a heading above its own level (usually the next section, taken in by a missing ':::').</summary>
internal static partial class ContainerCheck
{
    public static void Check(CustomContainer container, Page page, string body, DiagnosticBag diagnostics)
    {
        var span = MarkdownRenderer.SpanOf(page, container.Line, container.Column);
        var name = container.Info?.Trim() ?? string.Empty;
        var kind = ContainerKind.Find(name);
        var arguments = container.Arguments?.Trim() ?? string.Empty;
        if (name.Length > 0 && !NamePattern().IsMatch(name))
        {
            var text = (name + " " + arguments).Trim();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ContainerTextDropped, span, $"The text '{text}' after ':::' is not a container name, so it would never be shown. A closing ':::' stands alone on its line; put the text on the next line."));
        }
        else if (kind is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownContainer, span, ContainerKind.UnknownMessage(container.Info)));
        }

        if (arguments.Length > 0 && NamePattern().IsMatch(name) && kind?.Role != ContainerRole.Callout)
        {
            var why = kind?.Role switch
            {
                ContainerRole.CareCard => $"a care card takes its heading from its first line ('### …' under ':::{name}')",
                ContainerRole.Steps => "steps take no label",
                _ => "the container is not one the theme knows",
            };
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ContainerTextDropped, span, $"The text '{arguments}' after ':::{name}' would never be shown: {why}. Move it to the next line."));
        }

        // A ':::' followed by text that is no name was already reported as text, not as a container left open.
        if (container.ClosingFencedCharCount == 0 && (name.Length == 0 || NamePattern().IsMatch(name)))
        {
            var end = EndLine(container, page, body);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ContainerUnclosed, span, $"The ':::{(name.Length > 0 ? name : string.Empty)}' container opened here is never closed, so it takes in everything to line {end}{(end == LastLine(page, body) ? " (the end of the file)" : string.Empty)}. Add a line with ':::' where it should end."));
        }

        if (kind?.Role == ContainerRole.CareCard)
        {
            CheckCareCardHeadings(container, kind, page, span, diagnostics);
        }
    }

    private static void CheckCareCardHeadings(CustomContainer card, ContainerKind kind, Page page, SourceSpan cardSpan, DiagnosticBag diagnostics)
    {
        var own = card.Count > 0 && card[0] is HeadingBlock first ? first : null;
        var level = own?.Level ?? 3;
        foreach (var heading in card.Descendants<HeadingBlock>())
        {
            if (heading != own && heading.Level < level)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.CareCardHeadingOutranks,
                    MarkdownRenderer.SpanOf(page, heading.Line, heading.Column),
                    $"This level-{heading.Level} heading is inside the ':::{kind.Name}' care card opened at line {cardSpan.Line}, whose own heading is level {level}: readers would take this section for part of the {kind.Label.TrimEnd(' ', ':').ToLowerInvariant()}. End the card with ':::' before it, or use '{new string('#', level + 1)}'."));
            }
        }
    }

    /// <summary>The last line the unclosed container takes in: the end of the file, or of the list, quote or closed
    /// container around it (a ':::' line closes the outermost open container, and every container inside it).</summary>
    private static int EndLine(ContainerBlock container, Page page, string body)
    {
        var end = Math.Clamp(container.Span.End, 0, body.Length);
        return page.BodyLine + body.AsSpan(0, end).Count('\n');
    }

    private static int LastLine(Page page, string body) =>
        page.BodyLine + body.AsSpan().TrimEnd("\r\n").Count('\n');

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
