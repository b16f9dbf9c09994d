using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Content;

/// <summary>The result of splitting a page into its front matter and its Markdown body.</summary>
/// <param name="BodyLine">1-based line of the file on which the body starts, so Markdown positions map back to the file.</param>
public readonly record struct SplitPage(string? FrontMatterText, string Body, int BodyLine, int FrontMatterLine);

/// <summary>Splits YAML front matter from a page and reads it into a <see cref="FrontMatter"/>.</summary>
public static class FrontMatterParser
{
    public static readonly string[] KnownKeys =
    [
        "title", "description", "layout", "order", "draft", "date", "updated", "permalink", "author",
        "reviewed_by", "last_reviewed", "next_review",
        // Read by later stages: the theme, structured data and the trust checks.
        "exercise", "medical", "readability", "toc", "statistics",
        // The "Find a topic" A to Z: the topics and symptoms a page explains.
        "topics",
        // A page of another language's edition: the page it translates and that page's fingerprint at the time.
        "translation_of", "translated_from",
    ];

    /// <summary>Splits on a first line of exactly <c>---</c> and the next line of <c>---</c> or <c>...</c>.</summary>
    /// <returns>null when the front matter is opened but never closed.</returns>
    public static SplitPage? Split(string text)
    {
        if (!IsFence(text, 0, out var afterOpen, allowDots: false))
        {
            return new SplitPage(null, text, 1, 0);
        }

        var line = 2;
        var position = afterOpen;
        while (position < text.Length)
        {
            if (IsFence(text, position, out var afterClose, allowDots: true))
            {
                return new SplitPage(text[afterOpen..position], text[afterClose..], line + 1, 2);
            }

            var next = text.IndexOf('\n', position);
            if (next < 0)
            {
                break;
            }

            position = next + 1;
            line++;
        }

        return null;
    }

    private static bool IsFence(string text, int start, out int after, bool allowDots)
    {
        after = start;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0 && !(allowDots && string.CompareOrdinal(text, start, "...", 0, 3) == 0))
        {
            return false;
        }

        var i = start + 3;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i == text.Length)
        {
            after = i;
            return true;
        }

        if (text[i] != '\n')
        {
            return false;
        }

        after = i + 1;
        return true;
    }

    /// <summary>Reads the front matter of one page. Returns null when the page cannot be built.</summary>
    public static FrontMatter? Parse(SplitPage split, string display, DiagnosticBag diagnostics)
    {
        if (split.FrontMatterText is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterMissingKey, new SourceSpan(display, 1, 1), "The page has no front matter. Start it with a '---' line, 'title:' and 'description:', and a closing '---' line."));
            return null;
        }

        // YamlDotNet counts from line 1 of the text we give it, which is the line after the opening fence.
        var lineOffset = split.FrontMatterLine - 1;
        var root = YamlSource.Load(split.FrontMatterText, display, lineOffset, DiagnosticCodes.FrontMatterSyntax, diagnostics);
        var values = new YamlValues(display, lineOffset, DiagnosticCodes.FrontMatterWrongType, diagnostics);
        if (root is null)
        {
            return null;
        }

        if (root is not YamlMappingNode map)
        {
            var span = YamlSource.IsNull(root) ? new SourceSpan(display, 1, 1) : values.Span(root);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterNotMapping, span, "The front matter must be a mapping of keys to values, such as 'title: Treatments'."));
            return null;
        }

        string? title = null, description = null, layout = null, permalink = null, author = null, reviewedBy = null;
        int? order = null;
        var draft = false;
        DateOnly? date = null, updated = null, lastReviewed = null, nextReview = null;
        var plain = new Dictionary<string, object?>(StringComparer.Ordinal);
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterNotMapping, values.Span(keyNode), "Front matter keys must be plain words."));
                continue;
            }

            spans[key] = values.Span(keyScalar);
            plain[key] = YamlValues.ToPlain(value);
            switch (key)
            {
                case "title": title = values.Text(key, value); break;
                case "description": description = values.Text(key, value); break;
                case "layout": layout = values.Text(key, value); break;
                case "permalink": permalink = values.Text(key, value); break;
                case "author": author = values.Text(key, value); break;
                case "reviewed_by": reviewedBy = values.Text(key, value); break;
                case "order": order = values.Number(key, value); break;
                case "draft": draft = values.Flag(key, value) ?? false; break;
                case "date": date = values.Date(key, value); break;
                case "updated": updated = values.Date(key, value); break;
                case "last_reviewed": lastReviewed = values.Date(key, value); break;
                case "next_review": nextReview = values.Date(key, value); break;
                case "exercise":
                    if (values.Mapping(key, value) is { } exercise)
                    {
                        FrontMatterPictures.Check(exercise, values, diagnostics);
                    }

                    break;
                case "medical" or "readability" or "statistics":
                    values.Mapping(key, value);
                    break;
                case "toc":
                    values.Flag(key, value);
                    break;
                case "topics":
                    values.StringList(key, value);
                    break;
                case "translation_of" or "translated_from":
                    // Checked against the site once every page is read (Site.Translations, Trust.TranslationFreshness).
                    values.Text(key, value);
                    break;
                default:
                    values.UnknownKey(keyScalar, DiagnosticCodes.FrontMatterUnknownKey, KnownKeys, "the front matter");
                    break;
            }
        }

        var ok = Require("title", title, map, values, diagnostics) & Require("description", description, map, values, diagnostics);
        if (!ok)
        {
            return null;
        }

        return new FrontMatter(title!, description!, layout, order, draft, date, updated, permalink, author, reviewedBy, lastReviewed, nextReview, plain, spans);
    }

    private static bool Require(string key, string? value, YamlMappingNode map, YamlValues values, DiagnosticBag diagnostics)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        // Point at the key when it is there but empty, else at the opening fence; a value of the wrong type was already reported.
        var entry = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == key);
        if (entry.Key is not null && entry.Value is not YamlScalarNode)
        {
            return false;
        }

        var span = entry.Key is null ? new SourceSpan(values.DisplayPath, 1, 1) : values.Span(entry.Key);
        var message = entry.Key is null ? $"The front matter has no '{key}'." : $"'{key}' is empty.";
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterMissingKey, span, message));
        return false;
    }
}
