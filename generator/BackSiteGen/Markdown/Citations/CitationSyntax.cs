using System.Text;

namespace BackSiteGen.Markdown.Citations;

/// <summary>pandoc's citation grammar on plain text, apart from Markdig so every rule can be read (and tested) in one place.</summary>
/// <remarks>A bracketed group is <c>[item; item]</c>; an item is an optional prefix, <c>@key</c> or <c>-@key</c>, and an
/// optional locator and suffix (<c>[see @a, pp. 33-35 and passim]</c>). Keys follow pandoc's MANUAL: a letter, digit or
/// '_' first, then alphanumerics and single internal punctuation <c>:.#$%&amp;-+?&lt;&gt;~/</c> (so a final period and
/// "--" end the key), or anything in braces, <c>@{…}</c>.</remarks>
internal static class CitationSyntax
{
    /// <summary>One item of a group as written: offsets are into the text the parser was given.</summary>
    public sealed record Item(string Key, int At, string? Prefix, CitationLocator? Locator, string? Suffix, bool SuppressAuthor);

    /// <summary>True when <paramref name="text"/>[<paramref name="at"/>] is an '@' that could start a citation: not inside a
    /// word, so an e-mail address (<c>a@b.org</c>) is not one.</summary>
    public static bool CanStartCitation(string text, int at, int start) =>
        text[at] == '@' && (at == start || !IsWordChar(text[at - 1]));

    /// <summary>Reads a key after the '@' at <paramref name="i"/>; returns the key and moves <paramref name="i"/> past it,
    /// or null when no key follows (the '@' stays text).</summary>
    public static string? ReadKey(string text, ref int i, int end)
    {
        if (i <= end && text[i] == '{')
        {
            var close = i + 1;
            var depth = 0;
            for (; close <= end; close++)
            {
                if (text[close] == '{')
                {
                    depth++;
                }
                else if (text[close] == '}' && depth-- == 0)
                {
                    break;
                }
            }

            if (close > end || close == i + 1)
            {
                return null;
            }

            var braced = text[(i + 1)..close];
            i = close + 1;
            return braced;
        }

        if (i > end || !IsWordChar(text[i]))
        {
            return null;
        }

        var from = i;
        while (i <= end)
        {
            if (IsWordChar(text[i]))
            {
                i++;
            }
            else if (IsInternalPunctuation(text[i]) && i + 1 <= end && IsWordChar(text[i + 1]))
            {
                // Only single punctuation followed by more of the key is internal: "a.b" yes, "a." and "a--b" no.
                i++;
            }
            else
            {
                break;
            }
        }

        return text[from..i];
    }

    /// <summary>Parses the inside of <c>[…]</c> (without the brackets). Returns the items, or null and a message saying
    /// what was understood and what was not.</summary>
    public static List<Item>? ParseGroup(string text, int start, int end, out string? error)
    {
        error = null;
        var items = new List<Item>();
        var partStart = start;
        for (var i = start; i <= end + 1; i++)
        {
            if (i <= end && text[i] == '{')
            {
                i = SkipBraces(text, i, end);
                continue;
            }

            if (i <= end && text[i] != ';')
            {
                continue;
            }

            var item = ParseItem(text, partStart, i - 1, out var key, out var itemError);
            if (item is null)
            {
                error = Understood(items, key) + (itemError ?? "this part has no @key");
                return null;
            }

            items.Add(item);
            partStart = i + 1;
        }

        return items;
    }

    /// <summary>Parses what follows a key (a locator, then a suffix), as written after the key in a group or inside the
    /// brackets of an in-text citation (<c>@a [p. 33]</c>).</summary>
    public static bool ParseAfterKey(string rest, bool inBrackets, out CitationLocator? locator, out string? suffix, out string? error)
    {
        locator = null;
        suffix = null;
        error = null;
        var i = 0;
        if (rest.StartsWith('{'))
        {
            var close = SkipBraces(rest, 0, rest.Length - 1);
            if (close >= rest.Length)
            {
                error = "the '{' of a braced locator is never closed with '}'";
                return false;
            }

            var inside = rest[1..close].Trim();
            if (inside.Length > 0)
            {
                var read = CitationLocator.TryRead(inside, bareNumber: false, out var labelled);
                locator = read == inside.Length && labelled is not null ? labelled : new CitationLocator(null, inside, Plural: false);
            }

            suffix = Suffix(rest[(close + 1)..]);
            return true;
        }

        var comma = rest.StartsWith(',');
        if (comma)
        {
            i = 1;
            while (i < rest.Length && char.IsWhiteSpace(rest[i]))
            {
                i++;
            }

            if (i == rest.Length)
            {
                error = "nothing follows the ',' after the key: write a locator such as 'p. 33', or remove the comma";
                return false;
            }
        }
        else
        {
            while (i < rest.Length && char.IsWhiteSpace(rest[i]))
            {
                i++;
            }
        }

        var remainder = rest[i..];
        if (remainder.StartsWith('{'))
        {
            var close = SkipBraces(remainder, 0, remainder.Length - 1);
            if (close >= remainder.Length)
            {
                error = "the '{' of a braced locator is never closed with '}'";
                return false;
            }

            var inside = remainder[1..close].Trim();
            if (inside.Length > 0)
            {
                var read = CitationLocator.TryRead(inside, bareNumber: false, out var labelled);
                locator = read == inside.Length && labelled is not null ? labelled : new CitationLocator(null, inside, Plural: false);
            }

            suffix = Suffix(remainder[(close + 1)..]);
            return true;
        }

        // After a comma (or inside an in-text citation's brackets) a bare number is a page, as the MANUAL says; without a
        // comma only a locator term starts a locator ("[@a p. 30]"), so "[@a and 2 others]" stays a suffix.
        var taken = CitationLocator.TryRead(remainder, bareNumber: comma || inBrackets, out locator);
        if (taken > 0)
        {
            suffix = Suffix(remainder[taken..]);
            return true;
        }

        suffix = rest.Trim().Length == 0 ? null : Suffix(rest);
        return true;
    }

    private static Item? ParseItem(string text, int start, int end, out string? key, out string? error)
    {
        error = null;
        key = null;
        var at = -1;
        for (var i = start; i <= end; i++)
        {
            if (text[i] == '{')
            {
                i = SkipBraces(text, i, end);
                continue;
            }

            if (CanStartCitation(text, i, start))
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            var written = text[start..(end + 1)].Trim();
            error = written.Length == 0 ? "an empty part follows ';'" : $"the part '{written}' has no @key";
            return null;
        }

        var suppress = at > start && text[at - 1] == '-' && (at - 1 == start || char.IsWhiteSpace(text[at - 2]));
        var prefixEnd = suppress ? at - 1 : at;
        var prefix = text[start..prefixEnd].Trim();
        var keyStart = at + 1;
        key = ReadKey(text, ref keyStart, end);
        if (key is null)
        {
            error = $"no citation key follows the '@' in '{Excerpt(text, at, end)}' (a key starts with a letter, digit or '_', or is in braces; write \\@ for a literal @)";
            return null;
        }

        var rest = text[keyStart..(end + 1)];
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '{')
            {
                i = SkipBraces(rest, i, rest.Length - 1);
            }
            else if (CanStartCitation(rest, i, 0) && i + 1 < rest.Length && (IsWordChar(rest[i + 1]) || rest[i + 1] == '{'))
            {
                error = $"another key, '{Excerpt(rest, i, rest.Length - 1)}', without a ';' between them";
                return null;
            }
        }

        if (!ParseAfterKey(rest, inBrackets: false, out var locator, out var suffix, out var restError))
        {
            error = restError;
            return null;
        }

        return new Item(key, at, prefix.Length == 0 ? null : prefix, locator, suffix, suppress);
    }

    /// <summary>The suffix as written, with its leading comma; spaces before it fold into one.</summary>
    private static string? Suffix(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Trim().Length == 0)
        {
            return null;
        }

        var start = trimmed.TrimStart();
        return trimmed.Length != start.Length && start[0] != ',' ? " " + start : start;
    }

    private static string Understood(List<Item> items, string? key)
    {
        if (items.Count == 0 && key is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder("understood ");
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append(i == 0 ? "@" : ", @").Append(items[i].Key);
            if (items[i].Locator is { } locator)
            {
                sb.Append(" (").Append(locator.Ama()).Append(')');
            }
        }

        if (key is not null)
        {
            sb.Append(items.Count == 0 ? "@" : ", @").Append(key);
        }

        return sb.Append(", then ").ToString();
    }

    private static string Excerpt(string text, int from, int end)
    {
        var to = Math.Min(end + 1, from + 20);
        return text[from..to];
    }

    /// <summary>The index of the '}' closing the '{' at <paramref name="i"/>, or past <paramref name="end"/>.</summary>
    private static int SkipBraces(string text, int i, int end)
    {
        var depth = 0;
        for (; i <= end; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return end + 1;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsInternalPunctuation(char c) =>
        c is ':' or '.' or '#' or '$' or '%' or '&' or '-' or '+' or '?' or '<' or '>' or '~' or '/';
}
