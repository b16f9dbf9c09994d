using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BackSiteGen.Trust.Accessibility;

/// <summary>WCAG problems a writer can cause in Markdown, found in the Markdown tree so each is reported at its line.</summary>
/// <remarks>
/// Decorative images: CommonMark has no attribute syntax here, so an image whose alt text is exactly
/// <c>decorative</c> (<c>![decorative](divider.svg)</c>) is published with <c>alt=""</c>, which screen readers skip.
/// Any other image needs alt text. Writing the word is deliberate: an empty <c>![](x.svg)</c> is far more often an
/// oversight than a decision.
/// </remarks>
internal static class AccessibilityLint
{
    public const string DecorativeAlt = "decorative";

    private static readonly HashSet<string> VagueLinkText = new(StringComparer.OrdinalIgnoreCase)
    {
        "click here", "here", "read more", "more", "link", "this link", "click", "this page", "learn more", "find out more",

        // The same in Spanish, for the Spanish edition.
        "haga clic aquí", "pulse aquí", "clic aquí", "aquí", "leer más", "lea más", "más", "más información", "enlace", "este enlace", "esta página", "saber más",
    };

    public static void Check(MarkdownDocument document, Page page, DiagnosticBag diagnostics)
    {
        // The theme writes the page title as the only h1, so the body's first heading should be an h2.
        var previousLevel = 1;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    var span = MarkdownRenderer.SpanOf(page, heading.Line, heading.Column);
                    if (heading.Level == 1)
                    {
                        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HeadingLevelSkipped, span, "A level-1 heading in the page body: the title is the page's only h1, so start sections with '##'."));
                    }
                    else if (heading.Level > previousLevel + 1)
                    {
                        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.HeadingLevelSkipped, span, $"The heading skips from level {previousLevel} to level {heading.Level}: use '{new string('#', previousLevel + 1)}'."));
                    }

                    previousLevel = heading.Level;
                    break;
                case LinkInline { IsImage: true } image:
                    CheckImage(image, page, diagnostics);
                    break;
                case LinkInline link:
                    CheckLink(link, page, diagnostics);
                    break;
            }
        }
    }

    private static void CheckImage(LinkInline image, Page page, DiagnosticBag diagnostics)
    {
        var alt = PlainText.Of(image);
        if (alt.Equals(DecorativeAlt, StringComparison.OrdinalIgnoreCase))
        {
            // Published as alt="": the image adds nothing a listener needs.
            image.Clear();
            return;
        }

        if (alt.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ImageWithoutAlt, MarkdownRenderer.SpanOf(page, image.Line, image.Column), $"The image '{image.Url}' has no alt text: describe what it shows, or write ![{DecorativeAlt}](…) if it is only decoration."));
        }
    }

    private static void CheckLink(LinkInline link, Page page, DiagnosticBag diagnostics)
    {
        var text = PlainText.Of(link);
        var span = MarkdownRenderer.SpanOf(page, link.Line, link.Column);
        if (text.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyLink, span, $"The link to '{link.Url}' has no text: a screen reader would read only the address."));
            return;
        }

        if (VagueLinkText.Contains(text.TrimEnd('.', '!', ':', '…', ' ')))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.VagueLinkText, span, $"The link text '{text}' does not say where it goes: people who list links out of context hear only '{text}'. Name the destination."));
        }
    }
}
