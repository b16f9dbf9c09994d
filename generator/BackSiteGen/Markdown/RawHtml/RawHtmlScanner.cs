using System.Net;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Markdown.RawHtml;

/// <summary>Finds scripts, embeds, event attributes and <c>javascript:</c> URLs in a fragment of HTML.</summary>
/// <remarks>A small tag tokenizer rather than a full HTML parser: it must report offsets in the writer's source,
/// and it errs towards reporting (an attribute that merely looks like an event handler is still an error, with a
/// clear message), never towards letting a script through.</remarks>
public static partial class RawHtmlScanner
{
    private static readonly string[] EmbedTags = ["iframe", "frame", "frameset", "object", "embed"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcdoc"];

    public static List<RawHtmlFinding> Scan(string html, RawHtmlPolicy policy)
    {
        var findings = new List<RawHtmlFinding>();
        var i = 0;

        // Inside a tag, "<!--" is part of an attribute name to a browser, not a comment that hides what follows.
        var tagUntil = -1;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (i >= tagUntil && string.CompareOrdinal(html, i, "<!--", 0, 4) == 0 && CommentEnd(html, i + 4) is { } end)
            {
                // A closed comment is inert; an unclosed one is scanned like any text, because the layout after the
                // page's content may close it and the reader's browser would then run what it hid.
                i = end;
                continue;
            }

            var tagStart = i;
            i++;
            if (i >= html.Length || !char.IsAsciiLetter(html[i]))
            {
                continue;
            }

            var nameStart = i;
            while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':'))
            {
                i++;
            }

            var tag = html[nameStart..i];
            if (tag.Equals("script", StringComparison.OrdinalIgnoreCase) && !policy.AllowScripts)
            {
                findings.Add(new RawHtmlFinding(DiagnosticCodes.ScriptInContent, "A <script> element in content; the site promises readers no scripts from content. Remove it, or set 'security: { allow_scripts: true }' in site.yml.", tagStart));
            }
            else if (EmbedTags.Contains(tag, StringComparer.OrdinalIgnoreCase) && !policy.AllowIframes)
            {
                findings.Add(new RawHtmlFinding(DiagnosticCodes.IframeInContent, $"An <{tag.ToLowerInvariant()}> element in content embeds another site's page. Link to it instead, or set 'security: {{ allow_iframes: true }}' in site.yml.", tagStart));
            }

            // Browsers read a '<' inside a tag as part of an attribute name, so "<p <!-- onerror=x>" has an event
            // attribute; other parsers may start a new tag there ("<p ]<SCRIPT>"). Take both views: read this tag to
            // its end, then scan again from the first '<' inside it.
            var tagEnd = ScanAttributes(html, i, policy, findings);
            var inner = html.IndexOf('<', tagStart + 1, Math.Max(0, Math.Min(tagEnd, html.Length) - tagStart - 1));
            tagUntil = inner >= 0 ? Math.Max(tagUntil, tagEnd) : tagUntil;
            i = inner >= 0 ? inner : tagEnd;
        }

        return findings;
    }

    /// <summary>Where a comment whose text starts at <paramref name="start"/> ends, as browsers end it: at "-->" or
    /// "--!>", and already at "&lt;!-->" or "&lt;!--->" (so "&lt;!-->&lt;script>" runs the script). Null when unclosed.</summary>
    private static int? CommentEnd(string html, int start)
    {
        if (start < html.Length && html[start] == '>')
        {
            return start + 1;
        }

        if (string.CompareOrdinal(html, start, "->", 0, 2) == 0)
        {
            return start + 2;
        }

        var close = html.IndexOf("--", start, StringComparison.Ordinal);
        while (close >= 0)
        {
            if (string.CompareOrdinal(html, close + 2, ">", 0, 1) == 0)
            {
                return close + 3;
            }

            if (string.CompareOrdinal(html, close + 2, "!>", 0, 2) == 0)
            {
                return close + 4;
            }

            close = html.IndexOf("--", close + 1, StringComparison.Ordinal);
        }

        return null;
    }

    /// <summary>Reads attributes up to the end of the tag; returns the offset after it.</summary>
    private static int ScanAttributes(string html, int i, RawHtmlPolicy policy, List<RawHtmlFinding> findings)
    {
        while (i < html.Length && html[i] != '>')
        {
            if (char.IsWhiteSpace(html[i]) || html[i] == '/')
            {
                i++;
                continue;
            }

            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = html[nameStart..i];
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            string? value = null;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    var end = close < 0 ? html.Length : close;
                    value = html[(i + 1)..end];
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            if (policy.AllowScripts || name.Length == 0)
            {
                continue;
            }

            if (name.Length > 2 && name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new RawHtmlFinding(DiagnosticCodes.EventHandlerInContent, $"The event attribute '{name}' runs a script; content may not. Remove it, or set 'security: {{ allow_scripts: true }}' in site.yml.", nameStart));
            }
            else if (value is not null && UrlAttributes.Contains(name, StringComparer.OrdinalIgnoreCase) && IsScriptUrl(DecodeAsBrowsers(value)))
            {
                findings.Add(new RawHtmlFinding(DiagnosticCodes.ScriptUrlInContent, $"The {name.ToLowerInvariant()} attribute is a script URL; content may not run scripts. Link to a page instead.", nameStart));
            }
        }

        return i;
    }

    /// <summary>Decodes character references in an attribute value as browsers do before reading it as a URL.</summary>
    /// <remarks><see cref="WebUtility.HtmlDecode"/> knows only HTML 4's named references and wants the ';', but
    /// browsers also decode "&amp;#106avascript:" (no ';') and HTML 5's "&amp;colon;", "&amp;Tab;" and "&amp;NewLine;",
    /// each of which hides a javascript: URL.</remarks>
    public static string DecodeAsBrowsers(string value)
    {
        var numeric = NumericReference().Replace(value, m =>
        {
            var hex = m.Groups["hex"].Success;
            // Browsers skip any number of leading zeros: "&#00000000000106;" is a 'j'.
            var digits = (hex ? m.Groups["hex"].Value : m.Groups["dec"].Value).TrimStart('0');
            digits = digits.Length == 0 ? "0" : digits;
            return digits.Length <= 8 && int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0x110000 and not (>= 0xD800 and <= 0xDFFF)
                ? char.ConvertFromUtf32(code)
                : "\uFFFD";
        });
        var named = SpecialReference().Replace(numeric, m => m.Value[1] is 'c' or 'C' ? ":" : " ");
        return WebUtility.HtmlDecode(named);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"&#(?:[xX](?<hex>[0-9a-fA-F]+)|(?<dec>[0-9]+));?")]
    private static partial System.Text.RegularExpressions.Regex NumericReference();

    [System.Text.RegularExpressions.GeneratedRegex(@"&(?:colon|tab|newline);?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SpecialReference();

    /// <summary>True for <c>javascript:</c> and <c>vbscript:</c> URLs, however they are spaced or cased, as browsers read them.</summary>
    public static bool IsScriptUrl(string url)
    {
        // Browsers drop ASCII tabs and newlines anywhere in a URL and leading spaces and control characters.
        Span<char> scheme = stackalloc char[16];
        var length = 0;
        foreach (var c in url)
        {
            if (c <= ' ' || c == '\u007F')
            {
                continue;
            }

            if (c == ':')
            {
                var written = scheme[..length];
                return written.Equals("javascript", StringComparison.OrdinalIgnoreCase) || written.Equals("vbscript", StringComparison.OrdinalIgnoreCase);
            }

            if (length == scheme.Length)
            {
                return false;
            }

            scheme[length++] = c;
        }

        return false;
    }
}
