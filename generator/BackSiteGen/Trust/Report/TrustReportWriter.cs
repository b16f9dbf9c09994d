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
                json.WriteEndObject();
            }

            json.WriteEndArray();
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
        p.Grade.ToString("0.0", CultureInfo.InvariantCulture),
        p.ReadingEase.ToString("0.0", CultureInfo.InvariantCulture),
        Date(p.LastReviewed),
        Date(p.NextReview),
        p.Reviewer,
        p.Citations.ToString(CultureInfo.InvariantCulture),
        p.OutboundLinks.ToString(CultureInfo.InvariantCulture),
        p.Warnings.ToString(CultureInfo.InvariantCulture),
    }).ToList();

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
