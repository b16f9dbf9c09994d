using System.Globalization;
using System.Text;

namespace BackSiteGen.Citations;

/// <summary>Formats a source as an AMA Manual of Style (11th edition) reference, as HTML.</summary>
/// <remarks>One form per kind of source (chapter 3 of the Manual): journal articles (with "Published online" ahead of
/// print), books and edited books, chapters and entries in print ("In: Editors, eds."), reports and guidelines, web
/// pages, online database topics such as UpToDate, newspaper and magazine articles, theses, data sets and legal cases.
/// Where the Manual and the CSL AMA style disagree, the Manual wins (see the README, "Citations").</remarks>
internal static class AmaFormatter
{
    /// <summary>AMA lists up to six authors; with more, the first three and "et al".</summary>
    private const int MaxAuthors = 6;
    private const int AuthorsBeforeEtAl = 3;

    // A page's reference list formats each source it cites, and the same few sources are cited on page after page:
    // formatting was 1.5 % of a build's CPU time (perf, 2,000-page corpus). The text depends on the record alone, so each
    // is formatted once and remembered for as long as the record lives.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Reference, string> Formatted = new();

    public static string Html(Reference r) => Formatted.GetValue(r, Format);

    private static string Format(Reference r)
    {
        var sb = new StringBuilder(256);
        switch (Kind(r))
        {
            case SourceKind.Journal:
                Journal(sb, r);
                break;
            case SourceKind.Book:
                Book(sb, r);
                break;
            case SourceKind.Chapter:
                Chapter(sb, r);
                break;
            case SourceKind.Report:
                Report(sb, r);
                break;
            case SourceKind.WebPage:
                WebPage(sb, r);
                break;
            case SourceKind.DatabaseTopic:
                DatabaseTopic(sb, r);
                break;
            case SourceKind.Newspaper:
                Newspaper(sb, r);
                break;
            case SourceKind.Thesis:
                Thesis(sb, r);
                break;
            case SourceKind.Dataset:
                Dataset(sb, r);
                break;
            case SourceKind.LegalCase:
                LegalCase(sb, r);
                return sb.ToString().TrimEnd();
        }

        AppendLink(sb, r);
        return sb.ToString().TrimEnd();
    }

    private enum SourceKind
    {
        Journal,
        Book,
        Chapter,
        Report,
        WebPage,
        DatabaseTopic,
        Newspaper,
        Thesis,
        Dataset,
        LegalCase,
    }

    private static SourceKind Kind(Reference r) => r.Type switch
    {
        "article-journal" or "article" or "review" or "review-book" => SourceKind.Journal,
        "book" or "pamphlet" or "classic" or "collection" or "musical_score" => SourceKind.Book,
        "chapter" or "paper-conference" => SourceKind.Chapter,
        "entry" or "entry-encyclopedia" or "entry-dictionary" => IsPrintEntry(r) ? SourceKind.Chapter : SourceKind.DatabaseTopic,
        "report" or "standard" or "document" or "regulation" or "legislation" or "manuscript" => SourceKind.Report,
        "article-newspaper" or "article-magazine" => SourceKind.Newspaper,
        "thesis" => SourceKind.Thesis,
        "dataset" or "software" => SourceKind.Dataset,
        "legal_case" => SourceKind.LegalCase,
        "webpage" or "post" or "post-weblog" when IsDatabase(r) => SourceKind.DatabaseTopic,
        "webpage" or "post" or "post-weblog" => SourceKind.WebPage,
        _ => r.Publisher is not null ? SourceKind.Book : SourceKind.WebPage,
    };

    /// <summary>An encyclopedia entry with editors or a publisher and no URL is a chapter of a printed book.</summary>
    private static bool IsPrintEntry(Reference r) => r.Url is null && (r.Editors.Count > 0 || r.Publisher is not null);

    private static bool IsDatabase(Reference r) =>
        (r.Genre ?? r.Medium) is { } g && g.Contains("database", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Lorio M, Clerk-Lamalice O. ISASS policy statement. <i>Int J Spine Surg</i>. 2022;16(6):1084-1094."</summary>
    private static void Journal(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: false, titleCase: false);
        AppendJournal(sb, r);
        var aheadOfPrint = r.Status is { } status && status.Contains("ahead", StringComparison.OrdinalIgnoreCase)
            || (r.Volume is null && r.Issue is null && r.Page is null);
        if (aheadOfPrint)
        {
            // AMA 3.11.4: an article published online ahead of print gives the online date in place of volume and pages.
            if ((r.AvailableDate ?? r.Issued) is { } online)
            {
                sb.Append("Published online ").Append(Date(online)).Append(". ");
            }

            return;
        }

        AppendIssue(sb, r);
    }

    /// <summary>"Author AA. <i>Title in Title Case</i>. 3rd ed. Publisher; 2020." An edited book leads with its editors.</summary>
    private static void Book(StringBuilder sb, Reference r)
    {
        var byEditors = r.Authors.Count == 0 && r.Editors.Count > 0;
        AppendNames(sb, byEditors ? r.Editors : r.Authors, byEditors ? Role.Editors : null);
        AppendTitle(sb, r, italic: true, titleCase: true);
        if (!byEditors && r.Editors.Count > 0)
        {
            AppendNames(sb, r.Editors, Role.Editors);
        }

        AppendEditionAndVolume(sb, r);
        AppendPublisherAndYear(sb, r, pages: null);
        AppendSeries(sb, r);
    }

    /// <summary>"Author AA. Chapter title. In: Editor AA, Editor BB, eds. <i>Book Title</i>. 2nd ed. Publisher; 2019:45-60."</summary>
    private static void Chapter(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: false, titleCase: false);
        if (r.Editors.Count > 0 || r.ContainerAuthors.Count > 0 || r.RichContainerTitle is not null)
        {
            sb.Append("In: ");
        }

        if (r.Editors.Count > 0)
        {
            AppendNames(sb, r.Editors, Role.Editors);
        }
        else if (r.ContainerAuthors.Count > 0)
        {
            AppendNames(sb, r.ContainerAuthors, role: null);
        }

        if (r.RichContainerTitle is { } book)
        {
            AppendRich(sb, TitleCase(book), italic: true);
        }

        AppendEditionAndVolume(sb, r);
        var where = r.Page is { } page ? Pages(page) : r.ChapterNumber is { } chapter ? "chap " + chapter : null;
        AppendPublisherAndYear(sb, r, where);
        AppendSeries(sb, r);
    }

    /// <summary>Reports and guidelines: "Agency. <i>Title</i>. Report No. 12. Publisher; 2021." or, published on the web
    /// without a publisher, "… Published March 3, 2021."</summary>
    private static void Report(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors.Count > 0 ? r.Authors : r.Editors, r.Authors.Count > 0 ? null : Role.Editors);
        AppendTitle(sb, r, italic: true, titleCase: true);
        AppendEditionAndVolume(sb, r);
        if (r.Number is { } number)
        {
            var label = r.Genre is { } genre && !genre.Contains("guideline", StringComparison.OrdinalIgnoreCase) ? genre : "Report";
            sb.Append(Escape(label)).Append(' ').Append(number.Contains("No", StringComparison.Ordinal) ? string.Empty : "No. ").Append(Escape(number)).Append(". ");
        }

        if (r.Publisher is not null || r.Url is null)
        {
            AppendPublisherAndYear(sb, r, pages: null);
            AppendSeries(sb, r);
        }
        else
        {
            AppendPublishedUpdated(sb, r);
        }
    }

    /// <summary>"Author. Title. Website. Published May 1, 2020. Updated June 2, 2021. Accessed July 3, 2021. URL" — CSL's
    /// <c>issued</c> is the publication date; "Updated" needs a real update (<c>issued</c> after <c>original-date</c>).</summary>
    private static void WebPage(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: false, titleCase: false);
        if (r.RichContainerTitle is { } site)
        {
            AppendRich(sb, site, italic: false);
        }
        else if (r.Publisher is { } publisher)
        {
            AppendSentence(sb, publisher, italic: false);
        }

        AppendPublishedUpdated(sb, r);
    }

    /// <summary>An online database topic (UpToDate, an online encyclopedia): its date is the topic's last update, so
    /// "Chou R. Title. UpToDate. Updated September 12, 2025. Accessed …. URL".</summary>
    private static void DatabaseTopic(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: false, titleCase: false);
        if (r.Editors.Count > 0)
        {
            AppendNames(sb, r.Editors, Role.Editors);
        }

        if (r.RichContainerTitle is { } database)
        {
            AppendRich(sb, database, italic: false);
        }

        if (r.Issued is { } updated)
        {
            sb.Append("Updated ").Append(Date(updated)).Append(". ");
        }
    }

    /// <summary>"Author. Title. <i>New York Times</i>. June 10, 2010:A1." — the full date, as newspapers are dated.</summary>
    private static void Newspaper(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: false, titleCase: false);
        AppendJournal(sb, r);
        if (r.Issued is { } issued)
        {
            sb.Append(Date(issued));
            var page = r.Page is { } p ? Pages(p) : null;
            if (r.Section is { } section && page is not null && !page.StartsWith(section, StringComparison.Ordinal))
            {
                page = section + page;
            }

            if (page is not null)
            {
                sb.Append(':').Append(Escape(page));
            }

            sb.Append(". ");
        }
    }

    /// <summary>"Author. <i>Title</i>. Dissertation. University; 2001."</summary>
    private static void Thesis(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: true, titleCase: true);
        AppendSentence(sb, ThesisGenre(r.Genre), italic: false);
        AppendPublisherAndYear(sb, r, pages: null);
    }

    private static string ThesisGenre(string? genre) => genre?.Trim() switch
    {
        null or "" => "Thesis",
        { } g when g.Contains("diss", StringComparison.OrdinalIgnoreCase) || g.Contains("PhD", StringComparison.OrdinalIgnoreCase) || g.Contains("doctor", StringComparison.OrdinalIgnoreCase) => "Dissertation",
        { } g when g.Contains("master", StringComparison.OrdinalIgnoreCase) || g.StartsWith("MA", StringComparison.Ordinal) || g.StartsWith("MS", StringComparison.Ordinal) => "Master's thesis",
        { } g => char.ToUpperInvariant(g[0]) + g[1..],
    };

    /// <summary>"Author. Title of the data set. Version 2. Repository. Published March 1, 2020. doi:…"</summary>
    private static void Dataset(StringBuilder sb, Reference r)
    {
        AppendNames(sb, r.Authors, role: null);
        AppendTitle(sb, r, italic: false, titleCase: false);
        if (r.Version is { } version)
        {
            sb.Append("Version ").Append(Escape(version.StartsWith('v') ? version[1..] : version)).Append(". ");
        }

        if ((r.Publisher ?? r.ContainerTitle) is { } repository)
        {
            AppendSentence(sb, repository, italic: false);
        }

        AppendPublishedUpdated(sb, r);
    }

    /// <summary>"Roe v Wade, 410 US 113 (1973)." — AMA drops the periods of "v." and of the reporter's abbreviation.</summary>
    private static void LegalCase(StringBuilder sb, Reference r)
    {
        var title = (r.Title ?? r.Id).Replace(" v. ", " v ", StringComparison.Ordinal).Trim().TrimEnd('.');
        sb.Append(Escape(title));
        var cite = new StringBuilder();
        if (r.Volume is { } volume)
        {
            cite.Append(Escape(volume)).Append(' ');
        }

        if ((r.ContainerTitleShort ?? r.ContainerTitle) is { } reporter)
        {
            cite.Append(Escape(reporter.Replace(".", string.Empty, StringComparison.Ordinal))).Append(' ');
        }

        if (r.Page is { } page)
        {
            cite.Append(Escape(Pages(page))).Append(' ');
        }

        if (cite.Length > 0)
        {
            sb.Append(", ").Append(cite.ToString().TrimEnd());
        }

        var court = r.Authority is { Length: > 0 } authority ? Escape(authority.Replace(".", string.Empty, StringComparison.Ordinal)) + " " : string.Empty;
        if (r.Issued is { } issued)
        {
            sb.Append(" (").Append(court).Append(issued.YearText).Append(')');
        }

        sb.Append(". ");
        AppendLink(sb, r);
    }

    private enum Role
    {
        Editors,
    }

    /// <summary>"Lorio M, Clerk-Lamalice O, Lewandrowski KU." — a group after individuals follows a semicolon; more than six
    /// names, or a list ending in pandoc's <c>others</c>, give the first three and "et al".</summary>
    private static void AppendNames(StringBuilder sb, IReadOnlyList<ReferenceAuthor> names, Role? role)
    {
        var hasOthers = names.Count > 0 && names[^1].IsOthers;
        var listed = hasOthers ? names.Count - 1 : names.Count;
        if (listed == 0)
        {
            return;
        }

        var shown = listed > MaxAuthors || hasOthers ? Math.Min(AuthorsBeforeEtAl, listed) : listed;
        for (var i = 0; i < shown; i++)
        {
            var name = names[i];
            if (i > 0)
            {
                sb.Append(name.Literal is not null && names[i - 1].Literal is null ? "; " : ", ");
            }

            AppendName(sb, name);
        }

        if (shown < listed || hasOthers)
        {
            sb.Append(", et al");
        }

        if (role == Role.Editors)
        {
            sb.Append(listed == 1 && !hasOthers ? ", ed" : ", eds");
        }

        sb.Append(". ");
    }

    private static void AppendName(StringBuilder sb, ReferenceAuthor name)
    {
        if (name.Literal is { } literal)
        {
            sb.Append(Escape(literal));
            return;
        }

        // Zotero often leaves a particle at the end of the given name ("Ludwig van"): lowercase words there are particles,
        // which AMA (like PubMed) writes before the family name, never as initials.
        var (given, givenParticle) = SplitParticles(name.Given);
        foreach (var particle in new[] { givenParticle, name.DroppingParticle, name.Particle })
        {
            if (particle is { Length: > 0 })
            {
                sb.Append(Escape(particle));
                sb.Append(particle.EndsWith('\'') || particle.EndsWith('\u2019') ? string.Empty : " ");
            }
        }

        sb.Append(Escape(name.Family ?? string.Empty));
        var initials = Initials(given);
        if (initials.Length > 0)
        {
            sb.Append(' ').Append(Escape(initials));
        }

        if (name.Suffix is { Length: > 0 } suffix)
        {
            // AMA: "Jr" and "III" without a period or comma.
            sb.Append(' ').Append(Escape(suffix.Trim().TrimEnd('.')));
        }
    }

    private static (string? Given, string? Particle) SplitParticles(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return (given, null);
        }

        var words = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length;
        while (first > 1 && words[first - 1].Length > 0 && char.IsLower(words[first - 1][0]))
        {
            first--;
        }

        return first == words.Length ? (given, null) : (string.Join(' ', words[..first]), string.Join(' ', words[first..]));
    }

    /// <summary>Given names to AMA initials, as PubMed writes them: no periods, spaces or hyphens ("Kai-Uwe" → "KU",
    /// "K. U." → "KU", "J.-P." → "JP"); initials already written together stay ("JS").</summary>
    public static string Initials(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(4);
        foreach (var word in given.Split([' ', '\u00A0', '-', '\u2010'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = word.Replace(".", string.Empty, StringComparison.Ordinal);
            if (letters.Length == 0)
            {
                continue;
            }

            if (letters.Length <= 3 && letters.All(char.IsUpper) && !word.Contains('.', StringComparison.Ordinal) || word.Count(c => c == '.') > 1)
            {
                sb.Append(letters); // "JS", or "J.S." written as one word
                continue;
            }

            if (char.IsLetter(letters[0]))
            {
                sb.Append(char.ToUpperInvariant(letters[0]));
            }
        }

        return sb.ToString();
    }

    private static void AppendTitle(StringBuilder sb, Reference r, bool italic, bool titleCase)
    {
        var title = r.RichTitle ?? (r.Title is { } plain ? RichText.FromPlain(plain) : null);
        if (title is null)
        {
            return;
        }

        AppendRich(sb, titleCase ? TitleCase(title) : title, italic);
    }

    /// <summary>The journal's abbreviation, as NLM writes it (no periods: "Libr Q"), or its full title.</summary>
    private static void AppendJournal(StringBuilder sb, Reference r)
    {
        if (r.ContainerTitleShort is { } abbreviation)
        {
            AppendSentence(sb, abbreviation.Replace(".", string.Empty, StringComparison.Ordinal), italic: true);
        }
        else if (r.RichContainerTitle is { } journal)
        {
            AppendRich(sb, journal, italic: true);
        }
    }

    /// <summary>"2022;16(6):1084-1094." — the parts a source lacks drop out with their punctuation.</summary>
    private static void AppendIssue(StringBuilder sb, Reference r)
    {
        if (r.Issued is { } issued)
        {
            sb.Append(YearOf(issued));
        }

        if (r.Volume is not null || r.Issue is not null)
        {
            sb.Append(';').Append(Escape(Dashes(r.Volume ?? string.Empty)));
        }

        if (r.Issue is { } issue)
        {
            sb.Append('(').Append(Escape(Dashes(issue))).Append(')');
        }

        if (r.Page is { } page)
        {
            sb.Append(':').Append(Escape(Pages(page)));
        }

        sb.Append(". ");
    }

    private static void AppendEditionAndVolume(StringBuilder sb, Reference r)
    {
        if (r.Edition is { } edition && Edition(edition) is { Length: > 0 } text)
        {
            sb.Append(Escape(text)).Append(' ');
        }

        if (r.Volume is { } volume)
        {
            sb.Append("Vol ").Append(Escape(volume)).Append(". ");
        }
        else if (r.NumberOfVolumes is { } volumes)
        {
            var count = volumes.Trim();
            sb.Append(Escape(count)).Append(count.Contains("vol", StringComparison.OrdinalIgnoreCase) ? ". " : " vols. ");
        }
    }

    /// <summary>"Publisher; 2020." or, for a chapter, "Publisher; 2020:45-60." AMA 11 gives no place of publication.</summary>
    private static void AppendPublisherAndYear(StringBuilder sb, Reference r, string? pages)
    {
        if (r.Publisher is { } publisher)
        {
            sb.Append(Escape(publisher.Trim())).Append("; ");
        }

        if (r.Issued is { } issued)
        {
            sb.Append(YearOf(issued));
        }

        if (pages is not null)
        {
            sb.Append(r.Publisher is null && r.Issued is null ? string.Empty : ":").Append(Escape(pages));
        }

        if (r.Publisher is not null || r.Issued is not null || pages is not null)
        {
            sb.Append(". ");
        }
    }

    private static void AppendSeries(StringBuilder sb, Reference r)
    {
        if (r.CollectionTitle is not { } series)
        {
            return;
        }

        sb.Append(series.Html().Trim());
        if (r.CollectionNumber is { } number)
        {
            sb.Append("; vol ").Append(Escape(number));
        }

        sb.Append(". ");
    }

    private static void AppendPublishedUpdated(StringBuilder sb, Reference r)
    {
        if (r.OriginalDate is { } original && r.Issued is { } update)
        {
            sb.Append("Published ").Append(Date(original)).Append(". Updated ").Append(Date(update)).Append(". ");
        }
        else if (r.Issued is { } issued)
        {
            sb.Append("Published ").Append(Date(issued)).Append(". ");
        }
    }

    /// <summary>"doi:10.1000/x" (never with "Accessed": a DOI does not change), else "Accessed May 1, 2024. URL".</summary>
    private static void AppendLink(StringBuilder sb, Reference r)
    {
        if (r.Doi is { } doi)
        {
            // AMA prints the DOI without a closing period, so a reader can copy it whole.
            sb.Append("doi:<a href=\"https://doi.org/").Append(Escape(DoiPath(doi))).Append("\">").Append(Escape(doi)).Append("</a>");
            return;
        }

        if (r.Url is not { } url)
        {
            return;
        }

        if (r.Accessed is { } accessed)
        {
            sb.Append("Accessed ").Append(Date(accessed)).Append(". ");
        }

        sb.Append("<a href=\"").Append(Escape(url)).Append("\">").Append(Escape(url)).Append("</a>");
    }

    /// <summary>The reference as plain text, for sorting the site-wide list.</summary>
    public static string SortKey(Reference r)
    {
        var names = r.Authors.Count > 0 ? r.Authors : r.Editors;
        var first = names.Count == 0 ? r.Title ?? r.Id : names[0].Literal ?? names[0].Family ?? string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{first.ToUpperInvariant()}\u0001{r.Issued?.Year:D4}\u0001{r.Title}\u0001{r.Id}");
    }

    /// <summary>Appends text and a period, unless the text already ends a sentence ("Does it work?").</summary>
    private static void AppendSentence(StringBuilder sb, string text, bool italic) => AppendRich(sb, RichText.FromPlain(text), italic);

    private static void AppendRich(StringBuilder sb, RichText text, bool italic)
    {
        var trimmed = text.TrimEnd();
        var plain = trimmed.Plain.Trim();
        if (plain.Length == 0)
        {
            return;
        }

        sb.Append(italic ? "<i>" : string.Empty).Append(trimmed.Html().TrimStart()).Append(italic ? "</i>" : string.Empty);
        if (plain[^1] is not ('.' or '?' or '!'))
        {
            sb.Append('.');
        }

        sb.Append(' ');
    }

    /// <summary>AMA's title case for books, reports and theses (Manual 10.2.2): every word capitalized except articles,
    /// coordinating conjunctions and prepositions of three or fewer letters, unless first, last or after a colon. Words
    /// with capitals or digits inside ("mRNA", "COVID-19") and nocase spans stay as written.</summary>
    public static RichText TitleCase(RichText title)
    {
        var total = title.Plain;
        var lastWordStart = LastWordStart(total);
        var offset = 0;
        var sentenceStart = true;
        return title.Map((text, keep) =>
        {
            var sb = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    if (text[i] is ':' or '?' or '!' or '\u2014')
                    {
                        sentenceStart = true;
                    }

                    sb.Append(text[i++]);
                    continue;
                }

                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '\u2019'))
                {
                    i++;
                }

                var word = text[start..i];
                var isLast = offset + start >= lastWordStart;
                sb.Append(keep ? word : CaseWord(word, sentenceStart || isLast, afterHyphen: start > 0 && text[start - 1] == '-'));
                sentenceStart = false;
            }

            offset += text.Length;
            return sb.ToString();
        });
    }

    private static int LastWordStart(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && !char.IsLetterOrDigit(text[i]))
        {
            i--;
        }

        while (i > 0 && char.IsLetterOrDigit(text[i - 1]))
        {
            i--;
        }

        return Math.Max(i, 0);
    }

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "but", "for", "nor", "or", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs", "v",
    };

    private static string CaseWord(string word, bool force, bool afterHyphen)
    {
        // Capitals or digits after the first letter mean an acronym, a gene or a brand: keep it.
        for (var k = 1; k < word.Length; k++)
        {
            if (char.IsUpper(word[k]) || char.IsDigit(word[k]))
            {
                return word;
            }
        }

        if (!force && MinorWords.Contains(word) && !(afterHyphen && word.Length > 3))
        {
            return word.ToLowerInvariant();
        }

        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static string Dashes(string text) => text.Replace('\u2013', '-').Replace('\u2014', '-');

    /// <summary>AMA page ranges: a hyphen, never an en dash, and full numbers ("1084-94" → "1084-1094").</summary>
    public static string Pages(string page)
    {
        var text = page.Replace('\u2013', '-').Replace('\u2014', '-').Replace("--", "-", StringComparison.Ordinal).Replace(" - ", "-", StringComparison.Ordinal);
        var parts = text.Split(',');
        for (var p = 0; p < parts.Length; p++)
        {
            var range = parts[p].Trim().Split('-');
            if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) && range[1].Length < range[0].Length)
            {
                range[1] = range[0][..(range[0].Length - range[1].Length)] + range[1];
            }

            parts[p] = string.Join('-', range);
        }

        return string.Join(", ", parts);
    }

    /// <summary>AMA spells the month out: "September 12, 2025"; seasons by name; ranges with a hyphen.</summary>
    public static string Date(ReferenceDate date)
    {
        var text = Single(date);
        if (date.End is { } end)
        {
            var sameYear = end.Year == date.Year && (date.Month is not null || date.Season is not null);
            text = sameYear && date.Day is null && end.Day is null
                ? $"{MonthOrSeason(date)}-{Single(end)}"
                : $"{text}-{Single(end)}";
        }

        return date.Circa ? "ca " + text : text;
    }

    private static string Single(ReferenceDate date)
    {
        if (date.Literal is { } literal)
        {
            return literal;
        }

        var year = date.YearText;
        if (date.Season is not null && date.Month is null)
        {
            return $"{MonthOrSeason(date)} {year}";
        }

        if (date.Month is not { } month)
        {
            return year;
        }

        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return date.Day is { } day ? string.Create(CultureInfo.InvariantCulture, $"{name} {day}, {year}") : $"{name} {year}";
    }

    private static string MonthOrSeason(ReferenceDate date) => date.Month is { } month
        ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)
        : date.Season switch { 1 => "Spring", 2 => "Summer", 3 => "Autumn", _ => "Winter" };

    private static string YearOf(ReferenceDate date)
    {
        if (date.Literal is { } literal)
        {
            return Escape(literal);
        }

        var year = date.YearText;
        if (date.End is { } end && end.Year != date.Year)
        {
            year += "-" + end.YearText;
        }

        return date.Circa ? "ca " + year : year;
    }

    private static string Edition(string edition)
    {
        var text = edition.Trim();
        if (text is "1" or "1st" or "First" or "first")
        {
            return string.Empty; // AMA names an edition only from the second
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? string.Create(CultureInfo.InvariantCulture, $"{n}{Ordinal(n)} ed.")
            : text.Contains("ed", StringComparison.OrdinalIgnoreCase) ? text : text + " ed.";
    }

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
