using BackSiteGen.Config;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust.Readability;

/// <summary>site.yml <c>readability: { enabled: true, max_grade: 8 }</c>. Grade 8 is the NIH's ceiling for patient materials.</summary>
public sealed record ReadabilitySettings(bool Enabled = true, double MaxGrade = 8)
{
    private static readonly string[] Keys = ["enabled", "max_grade"];

    internal static ReadabilitySettings Read(SiteConfig config, YamlValues values)
    {
        var settings = new ReadabilitySettings();
        if (!config.Sections.TryGetValue("readability", out var section))
        {
            return settings;
        }

        foreach (var (key, value) in TrustSettings.Entries(section, values, Keys, "readability"))
        {
            settings = key switch
            {
                "enabled" => settings with { Enabled = values.Flag("readability.enabled", value) ?? settings.Enabled },
                "max_grade" => settings with { MaxGrade = values.Number("readability.max_grade", value) ?? settings.MaxGrade },
                _ => settings,
            };
        }

        return settings;
    }
}
