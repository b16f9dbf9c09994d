using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Markdown.RawHtml;

/// <summary>The policy for HTML from content, read the way a browser reads it: parsed by AngleSharp (HTML5's tokenizer
/// and tree builder, scripting on, character references fully decoded), then every element and attribute judged.</summary>
/// <remarks>Used for static <c>.html</c>, <c>.svg</c> and <c>.xhtml</c> files from content, which were copied unscanned,
/// and behind <see cref="RawHtmlScanner"/> for raw HTML in pages. Names are judged by their local part, so
/// <c>&lt;x:script&gt;</c> and <c>xlink:href</c> are caught in files a browser reads as XML.</remarks>
public static class HtmlPolicy
{
    private static readonly string[] EmbedTags = ["iframe", "frame", "frameset", "object", "embed", "portal", "applet"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "poster", "background", "cite", "ping", "srcset", "longdesc", "manifest", "icon", "codebase", "dynsrc", "lowsrc", "to", "from", "values", "by"];

    private static readonly string[] AnimationTags = ["animate", "set", "animatemotion", "animatetransform", "animatecolor"];

    /// <summary>Everything in <paramref name="html"/> that the policy refuses, at the offset of the element's start tag.</summary>
    public static List<RawHtmlFinding> Check(string html, RawHtmlPolicy policy)
    {
        var findings = new List<RawHtmlFinding>();
        if (policy.AllowScripts && policy.AllowIframes)
        {
            return findings;
        }

        // Scripting on, as in the reader's browser: <noscript> content is then raw text, as it is there.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true, IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        Visit(document.All, policy, findings);
        return findings;
    }

    private static void Visit(IEnumerable<IElement> elements, RawHtmlPolicy policy, List<RawHtmlFinding> findings)
    {
        foreach (var element in elements)
        {
            Judge(element, policy, findings);
            // A template is inert until a script or a declarative shadow root renders it: what is inside counts.
            if (element is IHtmlTemplateElement template)
            {
                Visit(template.Content.QuerySelectorAll("*"), policy, findings);
            }

            if (element.ShadowRoot is { } shadow)
            {
                Visit(shadow.QuerySelectorAll("*"), policy, findings);
            }
        }
    }

    private static void Judge(IElement element, RawHtmlPolicy policy, List<RawHtmlFinding> findings)
    {
        // AngleSharp counts positions from 1.
        var offset = (element.SourceReference?.Position.Position ?? 1) - 1;
        var name = LocalName(element.LocalName);
        void Add(string code, string message) => findings.Add(new RawHtmlFinding(code, message, Math.Max(0, offset)));

        if (!policy.AllowIframes && EmbedTags.Contains(name, StringComparer.Ordinal))
        {
            Add(DiagnosticCodes.IframeInContent, $"An <{name}> element in content embeds another page. Link to it instead, or set 'security: {{ allow_iframes: true }}' in site.yml.");
        }

        if (policy.AllowScripts)
        {
            return;
        }

        switch (name)
        {
            case "script":
                Add(DiagnosticCodes.ScriptInContent, "A <script> element in content; the site promises readers no scripts from content. Remove it, or set 'security: { allow_scripts: true }' in site.yml.");
                break;
            case "base":
                Add(DiagnosticCodes.RefreshOrBaseInContent, "A <base> element in content changes where every link of the page leads. Remove it.");
                break;
            case "meta" when element.GetAttribute("http-equiv") is { } equiv && equiv.Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase):
                Add(DiagnosticCodes.RefreshOrBaseInContent, "A <meta http-equiv=\"refresh\"> in content sends readers to another address without a click. Link to it instead.");
                break;
        }

        if (AnimationTags.Contains(name, StringComparer.Ordinal) && element.Attributes.FirstOrDefault(a => LocalName(a.LocalName) == "attributename") is { } animated
            && LocalName(animated.Value.Trim().ToLowerInvariant()) is "href" or "src" or "action" or "formaction")
        {
            Add(DiagnosticCodes.AnimatedLinkInContent, $"An SVG <{name}> changes the {animated.Value.Trim()} attribute, which can turn a link into a script. Remove the animation.");
        }

        foreach (var attribute in element.Attributes)
        {
            var attributeName = LocalName(attribute.LocalName);
            if (attributeName.Length > 2 && attributeName.StartsWith("on", StringComparison.Ordinal))
            {
                Add(DiagnosticCodes.EventHandlerInContent, $"The event attribute '{attribute.Name}' runs a script; content may not. Remove it, or set 'security: {{ allow_scripts: true }}' in site.yml.");
            }
            else if (UrlAttributes.Contains(attributeName, StringComparer.Ordinal) && RunsOrReplaces(name, attributeName, attribute.Value))
            {
                Add(DiagnosticCodes.ScriptUrlInContent, $"The {attribute.Name} attribute is a javascript: or data: URL, which can run a script; content may not. Link to a page or a file instead.");
            }
        }
    }

    /// <summary>True for a URL (or, in srcset and SMIL values, any URL in a list) that runs a script or replaces the page:
    /// <c>javascript:</c>, <c>vbscript:</c>, and <c>data:</c> other than an image shown by an image element.</summary>
    private static bool RunsOrReplaces(string element, string attribute, string value)
    {
        // AngleSharp has decoded every character reference already; the scanner's decoder also catches what only
        // lenient browsers decode.
        var decoded = RawHtmlScanner.DecodeAsBrowsers(value);
        IEnumerable<string> urls = attribute switch
        {
            "srcset" => decoded.Split(',').Select(c => c.Trim().Split(' ', 2)[0]),
            "values" => decoded.Split(';'),
            _ => [decoded],
        };
        foreach (var url in urls)
        {
            if (RawHtmlScanner.IsScriptUrl(url))
            {
                return true;
            }

            var trimmed = url.TrimStart('\u0000', ' ', '\t', '\n', '\r', '\f');
            if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                var isImage = trimmed.AsSpan(5).TrimStart().StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                    && !trimmed.Contains("svg", StringComparison.OrdinalIgnoreCase);
                if (!(isImage && element is "img" or "source" or "image" or "picture" or "input" or "video"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string LocalName(string name)
    {
        var colon = name.LastIndexOf(':');
        return (colon < 0 ? name : name[(colon + 1)..]).ToLowerInvariant();
    }
}
