using System.Text.Json;

namespace BackSiteGen.Trust.StructuredData;

/// <summary>Reads a page's JSON-LD back out of its finished HTML and checks it, so a theme that mangles or drops it
/// (escaping it twice, cutting it off) fails the build instead of silently losing the page's medical metadata.</summary>
internal static class JsonLdValidator
{
    private static readonly string[] PageProperties = ["name", "description", "url", "reviewedBy", "audience", "publisher", "about"];

    /// <summary>Null when the HTML has no JSON-LD block at all; else the problems found (none when it is valid).</summary>
    public static IReadOnlyList<string>? Problems(string html, bool exercise, bool reviewed)
    {
        var start = html.IndexOf(JsonLdBuilder.ScriptOpen, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += JsonLdBuilder.ScriptOpen.Length;
        var end = html.IndexOf(JsonLdBuilder.ScriptClose, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return ["the JSON-LD script element is never closed"];
        }

        try
        {
            using var document = JsonDocument.Parse(html.AsMemory(start, end - start));
            var problems = new List<string>();
            var root = document.RootElement;
            Expect(root, "MedicalWebPage", "the page", problems);
            foreach (var property in reviewed ? PageProperties.Append("lastReviewed") : PageProperties)
            {
                if (!HasValue(root, property))
                {
                    problems.Add($"MedicalWebPage has no '{property}'");
                }
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("about", out var about))
            {
                Expect(about, "MedicalCondition", "'about'", problems);
                if (!HasValue(about, "name"))
                {
                    problems.Add("the MedicalCondition has no 'name'");
                }
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("audience", out var audience) && !(audience.ValueKind == JsonValueKind.Object && audience.TryGetProperty("audienceType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Patient"))
            {
                problems.Add("'audience' is not a Patient audience");
            }

            if (exercise)
            {
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("mainEntity", out var plan))
                {
                    Expect(plan, "ExercisePlan", "'mainEntity'", problems);
                }
                else
                {
                    problems.Add("an exercise page has no ExercisePlan as 'mainEntity'");
                }
            }

            return problems;
        }
        catch (JsonException ex)
        {
            return [$"the JSON-LD does not parse: {ex.Message}"];
        }
    }

    private static void Expect(JsonElement element, string type, string what, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var value) || value.ValueKind != JsonValueKind.String || value.GetString() != type)
        {
            problems.Add($"{what} is not a {type}");
        }
    }

    private static bool HasValue(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Length > 0,
            JsonValueKind.Object or JsonValueKind.Array => true,
            _ => false,
        };
}
