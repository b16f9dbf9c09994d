using System.Text;

namespace BackSiteGen.Markdown.Citations;

/// <summary>A citation's locator, as pandoc's citeproc reads it: a term of the CSL en-US locale (<c>p.</c>, <c>chap.</c>,
/// <c>§</c>, …) and a value (<c>33-35</c>), or a value forced with braces (<c>{ii, A, D-Z}</c>).</summary>
/// <param name="Label">The CSL locator term ("page", "chapter", …); null for a braced locator written without one.</param>
/// <param name="Value">The value as written ("33-35").</param>
/// <param name="Plural">Written in the plural form (<c>pp.</c>) or holding a range or list.</param>
internal sealed record CitationLocator(string? Label, string Value, bool Plural)
{
    /// <summary>The locator terms of pandoc's MANUAL (CSL's en-US locale): long forms, short forms, singular and plural.</summary>
    private static readonly (string Form, string Label, bool Plural)[] Terms = Build();

    /// <summary>AMA's superscript form: "p33", "pp33-35"; other terms by their short form without the period ("chap1").</summary>
    public string Ama()
    {
        var value = Value.Replace('\u2013', '-');
        return Label switch
        {
            null => value,
            "page" => (Plural ? "pp" : "p") + value,
            "sub verbo" => "s.v. " + value,
            "section" => "sec" + value,
            "paragraph" => "para" + value,
            _ => Short(Label) + value,
        };
    }

    /// <summary>Reads a locator at the start of <paramref name="text"/> (after the key's comma, if any); returns the
    /// number of characters it took, or 0 when the text does not start with one. With <paramref name="bareNumber"/>,
    /// a value without a term is a page ("[@a, 33]"), as the MANUAL says.</summary>
    public static int TryRead(string text, bool bareNumber, out CitationLocator? locator)
    {
        locator = null;
        string? label = null;
        var plural = false;
        var i = 0;
        foreach (var (form, term, isPlural) in Terms)
        {
            if (!text.StartsWith(form, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var after = form.Length;
            var symbol = form[0] is '§' or '¶';
            if (after < text.Length && !symbol && form[^1] != '.' && !char.IsWhiteSpace(text[after]))
            {
                continue; // "pages" is not "page" + "s"; a long form must end at a space
            }

            (label, plural, i) = (term, isPlural, after);
            break;
        }

        if (label is null && !bareNumber)
        {
            return 0;
        }

        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var valueStart = i;
        var valueEnd = label == "sub verbo" ? Word(text, i) : ReadValue(text, i);
        if (valueEnd == valueStart)
        {
            return 0;
        }

        var value = text[valueStart..valueEnd];
        locator = new CitationLocator(label ?? "page", value, plural || value.AsSpan().IndexOfAny("-\u2013,&") >= 0);
        return valueEnd;
    }

    /// <summary>"s.v." names a headword, not a number: one word.</summary>
    private static int Word(string text, int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\''))
        {
            i++;
        }

        return i;
    }

    /// <summary>Values: words holding a digit or lowercase roman numerals, joined by ", ", "-", "&amp;" or " and ".</summary>
    private static int ReadValue(string text, int i)
    {
        var end = i;
        while (true)
        {
            var wordEnd = i;
            while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] is '-' or '\u2013' or '(' or ')' or '.' or ':'))
            {
                wordEnd++;
            }

            var word = text.AsSpan(i, wordEnd - i).TrimEnd('.');
            if (word.Length == 0 || !IsLocatorWord(word))
            {
                return end;
            }

            end = i + word.Length;
            var next = end;
            if (next < text.Length && text[next] is ',' or '&')
            {
                next++;
            }
            else if (text.AsSpan(next).StartsWith(" and ", StringComparison.Ordinal))
            {
                next += 4;
            }
            else
            {
                return end;
            }

            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            i = next;
        }
    }

    private static bool IsLocatorWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        foreach (var c in word)
        {
            if (c is not ('i' or 'v' or 'x' or 'l' or 'c' or 'd' or 'm' or '-' or '(' or ')'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Short(string label) => label switch
    {
        "book" => "bk",
        "chapter" => "chap",
        "column" => "col",
        "figure" => "fig",
        "folio" => "fol",
        "number" => "no",
        "line" => "l",
        "note" => "n",
        "opus" => "op",
        "part" => "pt",
        "verse" => "v",
        "volume" => "vol",
        _ => label,
    };

    private static (string, string, bool)[] Build()
    {
        var terms = new List<(string, string, bool)>();
        void Add(string label, string longSingular, string longPlural, string shortSingular, string shortPlural)
        {
            terms.Add((longPlural, label, true));
            terms.Add((longSingular, label, false));
            terms.Add((shortPlural, label, true));
            terms.Add((shortSingular, label, false));
        }

        Add("book", "book", "books", "bk.", "bks.");
        Add("chapter", "chapter", "chapters", "chap.", "chaps.");
        Add("column", "column", "columns", "col.", "cols.");
        Add("figure", "figure", "figures", "fig.", "figs.");
        Add("folio", "folio", "folios", "fol.", "fols.");
        Add("number", "number", "numbers", "no.", "nos.");
        Add("line", "line", "lines", "l.", "ll.");
        Add("note", "note", "notes", "n.", "nn.");
        Add("opus", "opus", "opera", "op.", "opp.");
        Add("page", "page", "pages", "p.", "pp.");
        Add("paragraph", "paragraph", "paragraphs", "para.", "paras.");
        Add("part", "part", "parts", "pt.", "pts.");
        Add("section", "section", "sections", "sec.", "secs.");
        Add("sub verbo", "sub verbo", "sub verbis", "s.v.", "s.vv.");
        Add("verse", "verse", "verses", "v.", "vv.");
        Add("volume", "volume", "volumes", "vol.", "vols.");
        terms.Add(("¶¶", "paragraph", true));
        terms.Add(("¶", "paragraph", false));
        terms.Add(("§§", "section", true));
        terms.Add(("§", "section", false));

        // Longest first, so "pp." wins over "p." and "s.vv." over "s.v.".
        terms.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return [.. terms];
    }

    public override string ToString() => new StringBuilder().Append(Label ?? "{}").Append(' ').Append(Value).ToString();
}
