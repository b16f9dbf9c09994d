using System.Globalization;
using System.Text;

namespace BackSiteGen.Citations;

/// <summary>Formats a source as an AMA Manual of Style (11th edition) reference, as HTML.</summary>
/// <remarks>Only the parts of AMA the site's source types need: journal articles, web pages and online databases
/// (UpToDate topics), and books; other CSL types fall back to authors, title, container, publisher and year.</remarks>
internal static class AmaFormatter
{
    /// <summary>AMA lists up to six authors; with more, the first three and "et al".</summary>
    private const int MaxAuthors = 6;
    private const int AuthorsBeforeEtAl = 3;

    public static string Html(Reference r)
    {
        var sb = new StringBuilder(256);
        AppendAuthors(sb, r.Authors);
        var isBook = r.Type is "book" or "report" or "thesis";
        if (r.Title is { } title)
        {
            AppendSentence(sb, title, italic: isBook);
        }

        switch (r.Type)
        {
            case "article-journal" or "article-magazine" or "article-newspaper" or "article" or "paper-conference":
                if ((r.ContainerTitleShort ?? r.ContainerTitle) is { } journal)
                {
                    AppendSentence(sb, journal, italic: true);
                }

                AppendIssue(sb, r);
                break;
            case "webpage" or "post-weblog" or "post" or "dataset" or "software":
                if (r.ContainerTitle is { } site)
                {
                    AppendSentence(sb, site, italic: false);
                }

                if (r.Issued is { } updated)
                {
                    sb.Append("Updated ").Append(Date(updated)).Append(". ");
                }

                break;
            default:
                if (r.ContainerTitle is { } container)
                {
                    AppendSentence(sb, container, italic: !isBook);
                }

                if (r.Edition is { } edition)
                {
                    sb.Append(Escape(Edition(edition))).Append(' ');
                }

                if (r.Publisher is { } publisher)
                {
                    sb.Append(Escape(publisher)).Append("; ");
                }

                if (r.Issued is { } year)
                {
                    sb.Append(year.Year.ToString(CultureInfo.InvariantCulture)).Append(". ");
                }

                break;
        }

        if (r.Accessed is { } accessed)
        {
            sb.Append("Accessed ").Append(Date(accessed)).Append(". ");
        }

        if (r.Doi is { } doi)
        {
            // AMA prints the DOI without a closing period, so a reader can copy it whole.
            sb.Append("doi:<a href=\"https://doi.org/").Append(Escape(DoiPath(doi))).Append("\">").Append(Escape(doi)).Append("</a>");
        }
        else if (r.Url is { } url)
        {
            sb.Append("<a href=\"").Append(Escape(url)).Append("\">").Append(Escape(url)).Append("</a>");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The reference as plain text, for sorting the site-wide list.</summary>
    public static string SortKey(Reference r)
    {
        var first = r.Authors.Count == 0 ? r.Title ?? r.Id : r.Authors[0].Literal ?? r.Authors[0].Family ?? string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{first.ToUpperInvariant()}\u0001{r.Issued?.Year:D4}\u0001{r.Title}\u0001{r.Id}");
    }

    /// <summary>"Lorio M, Clerk-Lamalice O, Lewandrowski KU." — a group after individuals follows a semicolon.</summary>
    private static void AppendAuthors(StringBuilder sb, IReadOnlyList<ReferenceAuthor> authors)
    {
        if (authors.Count == 0)
        {
            return;
        }

        var shown = authors.Count > MaxAuthors ? AuthorsBeforeEtAl : authors.Count;
        for (var i = 0; i < shown; i++)
        {
            var author = authors[i];
            if (i > 0)
            {
                sb.Append(author.Literal is not null && authors[i - 1].Literal is null ? "; " : ", ");
            }

            if (author.Literal is { } literal)
            {
                sb.Append(Escape(literal));
                continue;
            }

            if (author.Particle is { Length: > 0 } particle)
            {
                sb.Append(Escape(particle)).Append(' ');
            }

            sb.Append(Escape(author.Family ?? string.Empty));
            var initials = Initials(author.Given);
            if (initials.Length > 0)
            {
                sb.Append(' ').Append(Escape(initials));
            }

            if (author.Suffix is { Length: > 0 } suffix)
            {
                sb.Append(' ').Append(Escape(suffix.TrimEnd('.')));
            }
        }

        if (shown < authors.Count)
        {
            sb.Append(", et al");
        }

        sb.Append(". ");
    }

    /// <summary>Given names to AMA initials: no periods or spaces, hyphens kept ("Kai-Uwe" → "K-U", "K. U." → "KU").</summary>
    public static string Initials(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(4);
        var atStart = true;
        foreach (var c in given)
        {
            if (c == '-')
            {
                if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }

                atStart = true;
            }
            else if (c is ' ' or '.' or '\u00A0')
            {
                atStart = true;
            }
            else if (atStart && char.IsLetter(c))
            {
                sb.Append(c);
                atStart = false;
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    /// <summary>"2022;16(6):1084-1094." — the parts a source lacks drop out with their punctuation.</summary>
    private static void AppendIssue(StringBuilder sb, Reference r)
    {
        if (r.Issued is { } issued)
        {
            sb.Append(issued.Year.ToString(CultureInfo.InvariantCulture));
        }

        if (r.Volume is not null || r.Issue is not null)
        {
            sb.Append(';').Append(Escape(r.Volume ?? string.Empty));
        }

        if (r.Issue is { } issue)
        {
            sb.Append('(').Append(Escape(issue)).Append(')');
        }

        if (r.Page is { } page)
        {
            sb.Append(':').Append(Escape(page));
        }

        sb.Append(". ");
    }

    /// <summary>Appends text and a period, unless the text already ends a sentence ("Does it work?").</summary>
    private static void AppendSentence(StringBuilder sb, string text, bool italic)
    {
        text = text.Trim();
        sb.Append(italic ? "<i>" : string.Empty).Append(Escape(text)).Append(italic ? "</i>" : string.Empty);
        if (text.Length == 0 || text[^1] is not ('.' or '?' or '!'))
        {
            sb.Append('.');
        }

        sb.Append(' ');
    }

    /// <summary>AMA spells the month out: "September 12, 2025".</summary>
    public static string Date(ReferenceDate date)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        if (date.Month is not { } month)
        {
            return year;
        }

        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return date.Day is { } day ? string.Create(CultureInfo.InvariantCulture, $"{name} {day}, {year}") : $"{name} {year}";
    }

    private static string Edition(string edition) =>
        int.TryParse(edition, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? string.Create(CultureInfo.InvariantCulture, $"{n}{Ordinal(n)} ed.")
            : edition.Contains("ed", StringComparison.OrdinalIgnoreCase) ? edition : edition + " ed.";

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };

    /// <summary>A DOI may contain '#', '?' or '%', which would end or corrupt the doi.org URL's path; '/' stays readable.</summary>
    private static string DoiPath(string doi) => Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.Ordinal);

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
