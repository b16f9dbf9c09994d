using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BackSiteGen.Config;
using BackSiteGen.Content;

namespace BackSiteGen.Trust.StructuredData;

/// <summary>Writes a page's schema.org JSON-LD: a <c>MedicalWebPage</c> about the site's <c>MedicalCondition</c>,
/// with an <c>ExercisePlan</c> as the main entity of exercise pages.</summary>
/// <remarks>Built with <see cref="Utf8JsonWriter"/> rather than a template so every value is JSON-escaped, and with
/// the default encoder, which also escapes &lt;, &gt;, &amp; and quotes, so no front matter can close the script element.</remarks>
internal static class JsonLdBuilder
{
    public const string ScriptOpen = "<script type=\"application/ld+json\">";
    public const string ScriptClose = "</script>";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    /// <summary>(front matter key under <c>medical:</c>, schema.org property, schema.org type of each item)</summary>
    private static readonly (string Key, string Property, string Type)[] MedicalProperties =
    [
        ("anatomy", "associatedAnatomy", "AnatomicalStructure"),
        ("symptoms", "signOrSymptom", "MedicalSignOrSymptom"),
        ("risk_factors", "riskFactor", "MedicalRiskFactor"),
        ("treatments", "possibleTreatment", "MedicalTherapy"),
    ];

    /// <param name="config">The page's edition's settings: its language is the page's <c>inLanguage</c>.</param>
    /// <param name="condition">The condition's name in the page's language, when the edition gives one.</param>
    public static string ScriptFor(Page page, string layout, SiteConfig config, TrustSettings settings, string? condition = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(json, page, layout, config, settings, condition ?? settings.StructuredData.Condition);
        }

        return ScriptOpen + Encoding.UTF8.GetString(stream.ToArray()) + ScriptClose;
    }

    public static bool IsExercise(Page page, string layout) => layout == "exercise" || page.FrontMatter.Values.ContainsKey("exercise");

    private static void Write(Utf8JsonWriter json, Page page, string layout, SiteConfig config, TrustSettings settings, string condition)
    {
        var fm = page.FrontMatter;
        var url = new Uri(config.BaseUrl, page.Url.TrimStart('/')).AbsoluteUri;
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "MedicalWebPage");
        json.WriteString("name", fm.Title);
        json.WriteString("description", fm.Description);
        json.WriteString("url", url);
        json.WriteString("inLanguage", config.Language);
        if (fm.LastReviewed is { } last)
        {
            json.WriteString("lastReviewed", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        json.WritePropertyName("reviewedBy");
        var ownReviewer = !string.IsNullOrWhiteSpace(fm.ReviewedBy) && fm.ReviewedBy != settings.Review.ReviewerOf(null, config);
        WriteNamed(json, ownReviewer ? "Person" : settings.StructuredData.ReviewerType, settings.Review.ReviewerOf(fm.ReviewedBy, config) ?? string.Empty, null);
        json.WritePropertyName("audience");
        json.WriteStartObject();
        json.WriteString("@type", "MedicalAudience");
        json.WriteString("audienceType", "Patient");
        json.WriteEndObject();
        json.WritePropertyName("publisher");
        WriteNamed(json, "Organization", config.Publisher?.Name ?? string.Empty, config.Publisher?.Url);
        json.WritePropertyName("about");
        WriteCondition(json, fm, condition);
        if (IsExercise(page, layout))
        {
            json.WritePropertyName("mainEntity");
            json.WriteStartObject();
            json.WriteString("@type", "ExercisePlan");
            json.WriteString("name", fm.Title);
            json.WriteString("description", fm.Description);
            json.WriteString("url", url);
            json.WriteString("audience", "Patient");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter json, FrontMatter fm, string condition)
    {
        json.WriteStartObject();
        json.WriteString("@type", "MedicalCondition");
        json.WriteString("name", condition);
        var medical = fm.Values.GetValueOrDefault("medical") as IReadOnlyDictionary<string, object?>;
        foreach (var (key, property, type) in MedicalProperties)
        {
            var names = Names(medical?.GetValueOrDefault(key));
            if (names.Count == 0)
            {
                continue;
            }

            json.WritePropertyName(property);
            json.WriteStartArray();
            foreach (var name in names)
            {
                WriteNamed(json, type, name, null);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static List<string> Names(object? value) => value switch
    {
        string s when s.Length > 0 => [s],
        IEnumerable<object?> list => list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).OfType<string>().Where(s => s.Length > 0).ToList(),
        _ => [],
    };

    private static void WriteNamed(Utf8JsonWriter json, string type, string name, string? url)
    {
        json.WriteStartObject();
        json.WriteString("@type", type);
        json.WriteString("name", name);
        if (url is not null)
        {
            json.WriteString("url", url);
        }

        json.WriteEndObject();
    }
}
