using BackSiteGen.Config;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust.Readability;

/// <summary>site.yml <c>readability: { enabled: true, max_grade: 8 }</c>. Grade 8 is the NIH's ceiling for patient materials.</summary>
/// <param name="MinInflesz">Spanish pages: the INFLESZ index below which a page warns (55: "algo difícil" below).</param>
/// <param name="GoalInflesz">Spanish pages: the goal the report notes (65: "bastante fácil").</param>
public sealed record ReadabilitySettings(bool Enabled = true, double MaxGrade = 8, double MinInflesz = 55, double GoalInflesz = 65)
{
    private static readonly string[] Keys = ["enabled", "max_grade", "min_inflesz", "goal_inflesz"];

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
                "min_inflesz" => settings with { MinInflesz = values.Number("readability.min_inflesz", value) ?? settings.MinInflesz },
                "goal_inflesz" => settings with { GoalInflesz = values.Number("readability.goal_inflesz", value) ?? settings.GoalInflesz },
                _ => settings,
            };
        }

        return settings;
    }
}
