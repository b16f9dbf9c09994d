using BackSiteGen.Config;

namespace BackSiteGen.Trust.StructuredData;

/// <summary>site.yml <c>structured_data: { condition: …, reviewer_type: Organization }</c>.</summary>
/// <param name="Condition">The <c>MedicalCondition</c> every page is about.</param>
/// <param name="ReviewerType">schema.org type of the site's default reviewer (a team is an Organization); a page naming its own reviewer is a Person.</param>
public sealed record StructuredDataSettings(bool Enabled = true, string Condition = "Vertebrogenic low back pain", string ReviewerType = "Organization")
{
    private static readonly string[] Keys = ["enabled", "condition", "reviewer_type"];

    internal static StructuredDataSettings Read(SiteConfig config, YamlValues values, Diagnostics.DiagnosticBag diagnostics)
    {
        var settings = new StructuredDataSettings();
        if (!config.Sections.TryGetValue("structured_data", out var section))
        {
            return settings;
        }

        foreach (var (key, value) in TrustSettings.Entries(section, values, Keys, "structured_data"))
        {
            switch (key)
            {
                case "enabled":
                    settings = settings with { Enabled = values.Flag("structured_data.enabled", value) ?? settings.Enabled };
                    break;
                case "condition":
                    settings = settings with { Condition = values.Text("structured_data.condition", value) ?? settings.Condition };
                    break;
                case "reviewer_type":
                    var type = values.Text("structured_data.reviewer_type", value);
                    if (type is "Organization" or "Person")
                    {
                        settings = settings with { ReviewerType = type };
                    }
                    else if (type is not null)
                    {
                        diagnostics.Add(Diagnostics.Diagnostic.Error(Diagnostics.DiagnosticCodes.ConfigWrongType, values.Span(value), "'structured_data.reviewer_type' must be Organization or Person."));
                    }

                    break;
            }
        }

        return settings;
    }
}
