using BackSiteGen.Config;

namespace BackSiteGen.Trust.Review;

/// <summary>site.yml <c>review:</c>. Three years is the longest review cycle the NHS Standard for creating health content and the PIF TICK accept.</summary>
/// <param name="DefaultReviewer">Who reviewed a page that names nobody; null means the site's <c>editorial_team</c>.</param>
public sealed record ReviewSettings(bool Enabled = true, int MaxIntervalYears = 3, int DueSoonDays = 30, string? DefaultReviewer = null)
{
    private static readonly string[] Keys = ["enabled", "max_interval_years", "due_soon_days", "default_reviewer"];

    /// <summary>The reviewer of a page: its own <c>reviewed_by</c>, else the default reviewer, else the editorial team;
    /// null when none of them is written down (nobody is invented).</summary>
    public string? ReviewerOf(string? pageReviewer, SiteConfig config) =>
        !string.IsNullOrWhiteSpace(pageReviewer) ? pageReviewer : !string.IsNullOrWhiteSpace(DefaultReviewer) ? DefaultReviewer : string.IsNullOrWhiteSpace(config.EditorialTeam) ? null : config.EditorialTeam;

    internal static ReviewSettings Read(SiteConfig config, YamlValues values)
    {
        var settings = new ReviewSettings();
        if (!config.Sections.TryGetValue("review", out var section))
        {
            return settings;
        }

        foreach (var (key, value) in TrustSettings.Entries(section, values, Keys, "review"))
        {
            settings = key switch
            {
                "enabled" => settings with { Enabled = values.Flag("review.enabled", value) ?? settings.Enabled },
                "max_interval_years" => settings with { MaxIntervalYears = values.Number("review.max_interval_years", value) ?? settings.MaxIntervalYears },
                "due_soon_days" => settings with { DueSoonDays = values.Number("review.due_soon_days", value) ?? settings.DueSoonDays },
                "default_reviewer" => settings with { DefaultReviewer = values.Text("review.default_reviewer", value) },
                _ => settings,
            };
        }

        return settings;
    }
}
