using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace BackSiteGen.Checks;

/// <summary>Extracts ids and URLs from HTML with AngleSharp's tokenizer alone.</summary>
/// <remarks>Ids and link URLs live on start tags, so no tree is needed: the struct tokenizer with text, comments and
/// unwanted attributes skipped took about half the time of a full DOM parse on 1,000 generated pages (127 ms against
/// 241 ms) and keeps nothing alive after the page. What the tree builder would otherwise do for us is switching the
/// tokenizer into script, raw text and RCDATA states, so a <c>&lt;a href&gt;</c> inside a script is not a link.</remarks>
public static class HtmlFactsExtractor
{
    private static readonly ShouldEmitAttribute Wanted = IsWanted;

    [ThreadStatic]
    private static int t_lastIdCount;

    public static HtmlFacts Extract(string html, string outputPath)
    {
        // A read-only source lets the tokenizer scan runs of text with vectorized searches and keep names and values in
        // one pooled buffer (sized to the page, returned by Dispose) instead of copying the page into a StringBuilder and
        // reading it one interface call per character. It hands a U+FFFF through as the end of input, where the writable
        // source reads it as U+FFFD and goes on, so a page holding one (never a generated page) keeps the old reading.
        var source = html.Contains('\uffff', StringComparison.Ordinal) ? new TextSource(html) : new TextSource(new ReadOnlyMemoryTextSource(html));
        using var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            // Rows and columns are counted by LineCounter from offsets; AngleSharp's are 16-bit and keep a stack of
            // every line's length.
            DisableElementPositionTracking = true,
            SkipComments = true,
            SkipDataText = true,
            SkipScriptText = true,
            SkipRawText = true,
            SkipRCDataText = true,
            SkipCDATA = true,
            SkipPlaintext = true,
            SkipProcessingInstructions = true,
            ShouldEmitAttribute = Wanted,
        };
        using var links = new LinkBuffer(64);
        // Sized as the last page on this thread needed: growing from empty rehashed a theme's few dozen ids four times a
        // page (1.5 % of a build's CPU time). Only additions and updates, so the order of ids is the order found, whatever the size.
        var ids = new Dictionary<string, int>(t_lastIdCount, StringComparer.Ordinal);
        List<(HtmlId, HtmlId)>? duplicates = null;
        var lines = new LineCounter(html);
        string? baseHref = null;
        var css = new List<(string Url, LinkElement Element, int Offset)>();
        while (true)
        {
            ref var token = ref tokenizer.GetStructToken();
            if (token.Type == HtmlTokenType.EndOfFile)
            {
                break;
            }

            if (token.Type != HtmlTokenType.StartTag)
            {
                continue;
            }

            ReadOnlySpan<char> tag = token.Name;
            switch (tag)
            {
                case "script":
                    tokenizer.State = HtmlParseMode.Script;
                    source.Index = ScriptEnd(html, source.Index);
                    break;
                case "style":
                    tokenizer.State = HtmlParseMode.Rawtext;
                    var styleStart = source.Index;
                    source.Index = EndTagAt(html, styleStart, tag);
                    foreach (var (url, element, offset) in StyleSheetUrls.Of(html, styleStart, source.Index))
                    {
                        links.Add(lines.Link(url, element, styleStart + offset));
                    }

                    break;
                case "xmp" or "iframe" or "noembed" or "noframes":
                    tokenizer.State = HtmlParseMode.Rawtext;
                    source.Index = EndTagAt(html, source.Index, tag);
                    break;
                case "title" or "textarea":
                    tokenizer.State = HtmlParseMode.RCData;
                    source.Index = EndTagAt(html, source.Index, tag);
                    break;
                case "plaintext":
                    tokenizer.State = HtmlParseMode.Plaintext;
                    break;
            }

            var attributes = token.Attributes;
            if (attributes.Count == 0)
            {
                continue;
            }

            var isLink = tag is "link";
            var isMeta = tag is "meta";
            string? linkHref = null;
            LinkElement? linkKind = null;
            ReadOnlySpan<char> linkAs = default;
            var linkOffset = 0;
            string? inputSrc = null;
            var (inputOffset, inputIsImage) = (0, false);
            // The content of every meta tag comes through (description, viewport, CSP); only a refresh's is read.
            var refreshAt = -1;
            var isRefresh = false;
            for (var i = 0; i < attributes.Count; i++)
            {
                var attribute = attributes[i];
                ReadOnlySpan<char> name = attribute.Name;
                var offset = attribute.Position.Index;
                switch (name)
                {
                    case "id":
                        var id = attribute.Value.ToString();
                        if (id.Length == 0)
                        {
                            break;
                        }

                        if (!ids.TryAdd(id, offset) && ids[id] >= 0)
                        {
                            // Placed after the pass: placing the first use here sent the line counter back to the start,
                            // once per duplicate (500,000 duplicates ran past three minutes).
                            (duplicates ??= []).Add((new HtmlId(id, ids[id], 0, 0), new HtmlId(id, offset, 0, 0)));
                        }
                        else
                        {
                            ids[id] = offset;
                        }

                        break;
                    case "name" when tag is "a":
                        // Old-style anchors: a target for fragments, never a duplicate of an id.
                        ids.TryAdd(attribute.Value.ToString(), -1);
                        break;
                    case "href" when tag is "a" or "area":
                        links.Add(lines.Link(UrlPool.Of(attribute.Value), LinkElement.Hyperlink, offset));
                        break;
                    case "href" when tag is "base":
                        baseHref ??= attribute.Value.ToString();
                        break;
                    case "href" or "xlink:href" when tag is "use" or "image":
                        links.Add(lines.Link(attribute.Value.ToString(), tag is "use" ? LinkElement.SvgSymbol : LinkElement.Image, offset));
                        break;
                    case "href" when isLink:
                        linkHref = attribute.Value.ToString();
                        linkOffset = offset;
                        break;
                    case "rel" when isLink:
                        linkKind = RelKind(attribute.Value);
                        break;
                    case "as" when isLink:
                        linkAs = attribute.Value;
                        break;
                    case "ping" when tag is "a" or "area":
                        foreach (var range in ((ReadOnlySpan<char>)attribute.Value).SplitAny(" \t\n\r\f"))
                        {
                            var ping = ((ReadOnlySpan<char>)attribute.Value)[range];
                            if (ping.Length > 0)
                            {
                                links.Add(lines.Link(ping.ToString(), LinkElement.Ping, offset));
                            }
                        }

                        break;
                    case "src" when tag is "input":
                        (inputSrc, inputOffset) = (attribute.Value.ToString(), offset);
                        break;
                    case "type" when tag is "input":
                        inputIsImage = ((ReadOnlySpan<char>)attribute.Value).Trim().Equals("image", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "src":
                        if (ElementOfSrc(tag) is { } element)
                        {
                            links.Add(lines.Link(attribute.Value.ToString(), element, offset));
                        }

                        break;
                    case "data" when tag is "object":
                        links.Add(lines.Link(attribute.Value.ToString(), LinkElement.EmbeddedObject, offset));
                        break;
                    case "background" when tag is "body" or "table" or "td" or "th":
                        links.Add(lines.Link(attribute.Value.ToString(), LinkElement.Image, offset));
                        break;
                    case "style":
                        var value = attribute.Value.ToString();
                        var valueStart = ValueStart(html, offset);
                        css.Clear();
                        CssUrlExtractor.Collect(value, 0, value.Length, css);
                        foreach (var (url, kind, at) in css)
                        {
                            links.Add(lines.Link(url, kind, valueStart + at));
                        }

                        break;
                    case "srcset" when tag is "img" or "source":
                        AddSrcset(attribute.Value.ToString(), offset, ref lines, links);
                        break;
                    case "poster" when tag is "video":
                        links.Add(lines.Link(attribute.Value.ToString(), LinkElement.Media, offset));
                        break;
                    case "http-equiv" when isMeta:
                        isRefresh = ((ReadOnlySpan<char>)attribute.Value).Trim().Equals("refresh", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "content" when isMeta:
                        refreshAt = i;
                        break;
                }
            }

            if (linkHref is not null)
            {
                links.Add(lines.Link(linkHref, linkKind is LinkElement.Preload ? PreloadKind(linkAs) : linkKind ?? LinkElement.PageLink, linkOffset));
            }

            if (inputSrc is not null && inputIsImage)
            {
                links.Add(lines.Link(inputSrc, LinkElement.Image, inputOffset));
            }

            if (isRefresh && refreshAt >= 0 && RefreshUrl(attributes[refreshAt].Value.ToString()) is { } target)
            {
                links.Add(lines.Link(target, LinkElement.Refresh, attributes[refreshAt].Position.Index));
            }
        }

        t_lastIdCount = Math.Min(ids.Count, 4096);
        return new HtmlFacts(outputPath, links.ToArray(), ids, duplicates is null ? [] : PlaceInOrder(html, duplicates)) { BaseHref = baseHref };
    }

    /// <summary>The URLs of a <c>&lt;style&gt;</c> element's text, remembered on each thread for the last text seen.</summary>
    /// <remarks>A theme that inlines its stylesheet puts the same 12 KB of CSS into every page, and scanning it was 2.6 %
    /// of a build's CPU time (perf, 2,000-page corpus, default theme). The scan is a pure function of the text and the one
    /// character before it (a word boundary test may look there), so a page whose style text and that character equal the
    /// last page's gets the last page's URLs, offsets counted from the text's start; any other text is scanned as before.
    /// Kept per thread rather than passed in: pages render in parallel, and one entry never grows or goes stale.</remarks>
    private sealed class StyleSheetUrls
    {
        [ThreadStatic]
        private static StyleSheetUrls? t_last;

        private readonly string _text;
        private readonly int _before;
        private readonly List<(string Url, LinkElement Element, int Offset)> _urls;

        private StyleSheetUrls(string text, int before, List<(string Url, LinkElement Element, int Offset)> urls) =>
            (_text, _before, _urls) = (text, before, urls);

        public static List<(string Url, LinkElement Element, int Offset)> Of(string html, int start, int end)
        {
            var before = start > 0 ? html[start - 1] : -1;
            if (t_last is { } last && last._before == before && last._text.AsSpan().SequenceEqual(html.AsSpan(start, end - start)))
            {
                return last._urls;
            }

            var found = new List<(string Url, LinkElement Element, int Offset)>();
            CssUrlExtractor.Collect(html, start, end, found);
            var relative = found.ConvertAll(f => (f.Url, f.Element, f.Offset - start));
            t_last = new StyleSheetUrls(html[start..end], before, relative);
            return relative;
        }
    }

    /// <summary>Lines and columns for every duplicate's two uses, counted in one pass in offset order.</summary>
    private static List<(HtmlId, HtmlId)> PlaceInOrder(string html, List<(HtmlId First, HtmlId Again)> duplicates)
    {
        var offsets = new SortedSet<int>();
        foreach (var (first, again) in duplicates)
        {
            offsets.Add(first.Offset);
            offsets.Add(again.Offset);
        }

        var counter = new LineCounter(html);
        var places = new Dictionary<int, (int Line, int Column)>(offsets.Count);
        foreach (var offset in offsets)
        {
            places[offset] = counter.At(offset);
        }

        return duplicates.ConvertAll(d => (
            d.First with { Line = places[d.First.Offset].Line, Column = places[d.First.Offset].Column },
            d.Again with { Line = places[d.Again.Offset].Line, Column = places[d.Again.Offset].Column }));
    }

    /// <summary>Where the text of a raw text or RCDATA element ends: the first <c>&lt;/name</c> (ASCII letters in any
    /// case) followed by a space, <c>/</c> or <c>&gt;</c>, as the tokenizer decides; the end of the page if none.</summary>
    /// <remarks>The tokenizer skips such text without emitting it, but walks it run by run (an 8 KB inlined style
    /// sheet breaks at every line). Moving the source to the end tag between two tokens is safe: the tokenizer keeps
    /// nothing from the skipped text, and the next token read is that end tag, or the end of the page.</remarks>
    private static int EndTagAt(string html, int start, ReadOnlySpan<char> name)
    {
        var at = start;
        while (true)
        {
            var next = html.AsSpan(at).IndexOf("</", StringComparison.Ordinal);
            if (next < 0)
            {
                return html.Length;
            }

            at += next;
            var after = at + 2 + name.Length;
            if (after < html.Length && Ascii.EqualsIgnoreCase(html.AsSpan(at + 2, name.Length), name) && html[after] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>')
            {
                return at;
            }

            at += 2;
        }
    }

    /// <summary>Where a script's text ends, when that is plain: the first <c>&lt;/script</c> end tag if no
    /// <c>&lt;!--</c> comes before it. After <c>&lt;!--</c> a <c>&lt;script&gt;</c> inside the text can hide the end tag,
    /// so such a script is left to the tokenizer (the start, unchanged).</summary>
    private static int ScriptEnd(string html, int start)
    {
        var end = EndTagAt(html, start, "script");
        return html.AsSpan(start, end - start).Contains("<!--", StringComparison.Ordinal) ? start : end;
    }

    private static bool IsWanted(ref StructHtmlToken token, ReadOnlyMemory<char> name) => name.Span switch
    {
        "id" or "href" or "src" or "srcset" or "name" or "rel" or "poster" or "style" or "ping" or "background" or "xlink:href" => true,
        "http-equiv" or "content" => ((ReadOnlySpan<char>)token.Name) is "meta",
        "as" => ((ReadOnlySpan<char>)token.Name) is "link",
        "type" => ((ReadOnlySpan<char>)token.Name) is "input",
        "data" => ((ReadOnlySpan<char>)token.Name) is "object",
        _ => false,
    };

    /// <summary>Where the value of the attribute whose name starts at <paramref name="nameAt"/> starts in the page, so
    /// a URL inside a style attribute is placed at its own column.</summary>
    private static int ValueStart(string html, int nameAt)
    {
        var equals = html.IndexOf('=', nameAt);
        if (equals < 0)
        {
            return nameAt;
        }

        var i = equals + 1;
        while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            i++;
        }

        return i < html.Length && html[i] is '"' or '\'' ? i + 1 : i;
    }

    private static LinkElement PreloadKind(ReadOnlySpan<char> kind)
    {
        kind = kind.Trim();
        return kind.Equals("font", StringComparison.OrdinalIgnoreCase) ? LinkElement.Font
            : kind.Equals("script", StringComparison.OrdinalIgnoreCase) ? LinkElement.Script
            : kind.Equals("style", StringComparison.OrdinalIgnoreCase) ? LinkElement.Stylesheet
            : kind.Equals("image", StringComparison.OrdinalIgnoreCase) ? LinkElement.Image
            : LinkElement.Preload;
    }

    private static LinkElement? ElementOfSrc(ReadOnlySpan<char> tag) => tag switch
    {
        "img" => LinkElement.Image,
        "script" => LinkElement.Script,
        "iframe" or "frame" => LinkElement.Frame,
        "video" or "audio" or "source" or "track" => LinkElement.Media,
        "embed" => LinkElement.EmbeddedObject,
        _ => null,
    };

    /// <summary>What a browser does with a link's href by its rel values: fetch it as some kind of file, contact its
    /// origin, or nothing (null: a page link such as canonical). The first rel word that loads decides.</summary>
    private static LinkElement? RelKind(ReadOnlySpan<char> rel)
    {
        foreach (var range in rel.SplitAny(" \t\n\r\f"))
        {
            LinkElement? kind = rel[range].ToString().ToLowerInvariant() switch
            {
                "stylesheet" => LinkElement.Stylesheet,
                "icon" or "apple-touch-icon" or "apple-touch-icon-precomposed" or "mask-icon" => LinkElement.Icon,
                "preload" => LinkElement.Preload,
                "modulepreload" => LinkElement.Script,
                "prefetch" => LinkElement.Prefetch,
                "preconnect" or "dns-prefetch" => LinkElement.Preconnect,
                "manifest" => LinkElement.Manifest,
                _ => null,
            };
            if (kind is not null)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The URLs of a srcset: comma-separated candidates, each a URL and an optional width or density.</summary>
    private static void AddSrcset(string srcset, int offset, ref LineCounter lines, LinkBuffer links)
    {
        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ','))
            {
                i++;
            }

            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i]))
            {
                i++;
            }

            // A URL may itself contain commas; only trailing ones separate candidates.
            var end = i;
            while (end > start && srcset[end - 1] == ',')
            {
                end--;
            }

            if (end > start)
            {
                links.Add(lines.Link(srcset[start..end], LinkElement.Image, offset));
            }

            while (i < srcset.Length && srcset[i] != ',')
            {
                i++;
            }
        }
    }

    /// <summary>The URL of <c>content="5; url=/next/"</c>, or null when the refresh only reloads the page.</summary>
    public static string? RefreshUrl(string content)
    {
        var semicolon = content.IndexOfAny([';', ',']);
        if (semicolon < 0)
        {
            return null;
        }

        var rest = content.AsSpan(semicolon + 1).Trim();
        if (rest.StartsWith("url", StringComparison.OrdinalIgnoreCase))
        {
            var afterUrl = rest[3..].TrimStart();
            if (afterUrl.StartsWith('='))
            {
                rest = afterUrl[1..].Trim();
            }
        }

        if (rest.Length >= 2 && (rest[0] == '\'' || rest[0] == '"'))
        {
            var close = rest[1..].IndexOf(rest[0]);
            rest = close < 0 ? rest[1..] : rest[1..(close + 1)];
        }

        return rest.Length == 0 ? null : rest.ToString();
    }
}
