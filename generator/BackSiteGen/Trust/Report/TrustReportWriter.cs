using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BackSiteGen.Trust.Report;

/// <summary>The report as a console table, a Markdown table (GitHub's job summary) and JSON (<c>--report</c>).</summary>
internal static class TrustReportWriter
{
    private static readonly string[] Headers = ["URL", "Words", "Grade", "Ease", "Reviewed", "Next review", "Reviewer", "Citations", "Outbound", "Warnings"];

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How many pages the console lists in full; a larger site gets a summary there (the full table is in
    /// <c>--report</c> and GitHub's job summary), so a build's output stays a screenful whatever the site's size.</summary>
    public const int ConsoleRows = 40;

    /// <summary>What the console shows: the whole table for a small site, else a summary with the pages to look at first.</summary>
    public static string ToConsole(TrustReport report)
    {
        if (report.Pages.Count <= ConsoleRows)
        {
            return ToText(report) + SpanishText(report) + TranslationsText(report);
        }

        const int top = 5;
        var pages = report.Pages;
        // Spanish pages have no Flesch-Kincaid grade: their INFLESZ is in its own part below.
        var grades = pages.Where(p => p.Spanish is null).Select(p => p.Grade).DefaultIfEmpty(0).Order().ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{pages.Count:N0} pages, {pages.Sum(p => (long)p.Words):N0} words; reading grade median {grades[grades.Count / 2]:0.0}, highest {grades[^1]:0.0}. The full table: --report FILE.json, or the job summary in GitHub Actions.\n");
        void Part(string title, IEnumerable<PageReport> rows, int total)
        {
            var list = rows.Take(top).ToList();
            if (list.Count == 0)
            {
                return;
            }

            sb.Append('\n').Append(title).Append(total > list.Count ? $" ({list.Count} of {total:N0})" : string.Empty).Append(":\n");
            sb.Append(ToText(new TrustReport(list)));
        }

        Part("Hardest to read", pages.Where(p => p.Spanish is null).OrderByDescending(p => p.Grade).ThenBy(p => p.Url, StringComparer.Ordinal), pages.Count(p => p.Spanish is null));
        var reviewed = pages.Where(p => p.NextReview is not null).ToList();
        Part("Next reviews due", reviewed.OrderBy(p => p.NextReview).ThenBy(p => p.Url, StringComparer.Ordinal), reviewed.Count);
        var warned = pages.Where(p => p.Warnings + p.Errors > 0).ToList();
        Part("With errors or warnings", warned.OrderByDescending(p => p.Errors).ThenByDescending(p => p.Warnings).ThenBy(p => p.Url, StringComparer.Ordinal), warned.Count);
        return sb.Append(SpanishText(report)).Append(TranslationsText(report)).ToString();
    }

    public static string ToText(TrustReport report)
    {
        // A reviewer written as "x\n::error …" must not print a line of its own in a CI log.
        var rows = Rows(report).ConvertAll(r => Array.ConvertAll(r, Diagnostics.DiagnosticFormatter.Printable));
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                // Text left, numbers right, as a reader scans them.
                var numeric = i is 1 or 2 or 3 or 7 or 8 or 9;
                sb.Append(numeric ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
                sb.Append(i + 1 < cells.Count ? "  " : string.Empty);
            }

            sb.Append('\n');
        }

        Line(Headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }

        return sb.ToString().Replace(" \n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The translations part: stale and unrecorded ones first (they need a translator), then missing ones (a
    /// note: an edition may grow page by page), then a count of the fresh ones. Empty for a site in one language.</summary>
    public static string TranslationsText(TrustReport report)
    {
        if (report.Translations.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder("\n");
        var fresh = report.Translations.Count(t => t.Status == "fresh");
        sb.Append(CultureInfo.InvariantCulture, $"Translations: {fresh} up to date, {report.Translations.Count(t => t.Status == "stale")} stale, {report.Translations.Count(t => t.Status == "unrecorded")} without a fingerprint, {report.Translations.Count(t => t.Status == "missing")} missing (a note, not a failure).\n");
        foreach (var t in report.Translations.Where(t => t.Status is "stale" or "unrecorded"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {t.Status} ({t.Language}): {Diagnostics.DiagnosticFormatter.Printable(t.Translation ?? string.Empty)} translates {Diagnostics.DiagnosticFormatter.Printable(t.Source)}; translated_from {t.Recorded ?? "—"}, now {t.Current}\n");
        }

        foreach (var t in report.Translations.Where(t => t.Status == "missing"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  missing ({t.Language}): {Diagnostics.DiagnosticFormatter.Printable(t.Source)}\n");
        }

        return sb.ToString();
    }

    /// <summary>Spanish readability: the INFLESZ index of every Spanish page, its band, Fernández-Huerta and the counts,
    /// against the goal (65, "bastante fácil") and the floor (55). Empty when no page is in Spanish.</summary>
    public static string SpanishText(TrustReport report)
    {
        var pages = report.Pages.Where(p => p.Spanish is not null).ToList();
        if (pages.Count == 0)
        {
            return string.Empty;
        }

        var (min, goal) = report.Inflesz;
        var below = pages.Count(p => p.Spanish!.Inflesz < goal);
        var sb = new StringBuilder("\n");
        sb.Append(CultureInfo.InvariantCulture, $"Spanish readability (INFLESZ, Szigriszt-Pazos): goal {goal:0.#} or more (bastante fácil), none below {min:0.#}; {pages.Count - below} of {pages.Count} pages reach the goal.\n");
        var rows = pages.Select(p => new[]
        {
            p.Url,
            p.Spanish!.Statistics.Words.ToString(CultureInfo.InvariantCulture),
            p.Spanish.Statistics.Sentences.ToString(CultureInfo.InvariantCulture),
            ((double)p.Spanish.Statistics.Syllables / Math.Max(1, p.Spanish.Statistics.Words)).ToString("0.00", CultureInfo.InvariantCulture),
            p.Spanish.Inflesz.ToString("0.0", CultureInfo.InvariantCulture),
            p.Spanish.Scale + (p.Spanish.Inflesz < goal ? " (below goal)" : string.Empty),
            p.Spanish.FernandezHuerta.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        string[] headers = ["URL", "Words", "Sentences", "Syll/word", "INFLESZ", "Scale", "Fernández-Huerta"];
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(headers))
        {
            sb.Append(string.Join("  ", row.Select((c, i) => i is 0 or 5 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    public static string ToMarkdown(TrustReport report)
    {
        var sb = new StringBuilder();
        sb.Append("### Patient-trust report\n\n");
        sb.Append("| ").AppendJoin(" | ", Headers).Append(" |\n");
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("--:|", 3))).Append("---|---|---|").Append(string.Concat(Enumerable.Repeat("--:|", 3))).Append('\n');
        foreach (var row in Rows(report))
        {
            sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        if (report.Translations.Count > 0 || report.Pages.Any(p => p.Spanish is not null))
        {
            sb.Append("\n```").Append(SpanishText(report)).Append(TranslationsText(report)).Append("```\n");
        }

        return sb.ToString();
    }

    public static string ToJson(TrustReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("pages");
            json.WriteStartArray();
            foreach (var p in report.Pages)
            {
                json.WriteStartObject();
                json.WriteString("url", p.Url);
                json.WriteString("source", p.Source);
                json.WriteNumber("words", p.Words);
                json.WriteNumber("grade", p.Grade);
                json.WriteNumber("reading_ease", p.ReadingEase);
                json.WriteNumber("smog", p.Smog);
                WriteDate(json, "last_reviewed", p.LastReviewed);
                WriteDate(json, "next_review", p.NextReview);
                json.WriteString("reviewer", p.Reviewer);
                json.WriteNumber("citations", p.Citations);
                json.WriteNumber("outbound_links", p.OutboundLinks);
                json.WriteNumber("warnings", p.Warnings);
                json.WriteNumber("errors", p.Errors);
                if (p.Spanish is { } es)
                {
                    json.WriteNumber("inflesz", Math.Round(es.Inflesz, 1));
                    json.WriteString("inflesz_scale", es.Scale);
                    json.WriteNumber("fernandez_huerta", Math.Round(es.FernandezHuerta, 1));
                    json.WriteNumber("syllables", es.Statistics.Syllables);
                    json.WriteNumber("sentences", es.Statistics.Sentences);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (report.Translations.Count > 0)
            {
                json.WritePropertyName("translations");
                json.WriteStartArray();
                foreach (var t in report.Translations)
                {
                    json.WriteStartObject();
                    json.WriteString("language", t.Language);
                    json.WriteString("source", t.Source);
                    json.WriteString("translation", t.Translation);
                    json.WriteString("status", t.Status);
                    json.WriteString("translated_from", t.Recorded);
                    json.WriteString("fingerprint", t.Current);
                    WriteDate(json, "source_last_reviewed", t.SourceReviewed);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static List<string[]> Rows(TrustReport report) => report.Pages.Select(p => new[]
    {
        p.Url,
        p.Words.ToString(CultureInfo.InvariantCulture),
        p.Spanish is null ? p.Grade.ToString("0.0", CultureInfo.InvariantCulture) : "—",
        p.Spanish is null ? p.ReadingEase.ToString("0.0", CultureInfo.InvariantCulture) : "—",
        Date(p.LastReviewed),
        Date(p.NextReview),
        p.Reviewer,
        p.Citations.ToString(CultureInfo.InvariantCulture),
        p.OutboundLinks.ToString(CultureInfo.InvariantCulture),
        p.Warnings.ToString(CultureInfo.InvariantCulture),
    }).ToList();

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
