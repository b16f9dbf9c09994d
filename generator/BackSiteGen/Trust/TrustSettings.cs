using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using BackSiteGen.Trust.Readability;
using BackSiteGen.Trust.Review;
using BackSiteGen.Trust.StructuredData;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Trust;

/// <summary>The site.yml sections of the trust checks, read once per build.</summary>
public sealed record TrustSettings(
    ReadabilitySettings Readability,
    ReviewSettings Review,
    StructuredDataSettings StructuredData,
    bool Accessibility,
    bool Glossary)
{
    /// <summary>The per-page checks against unfinished text, placeholders and unsourced statistics; null runs none.</summary>
    internal PageLint? Lint { get; init; }

    public static TrustSettings Default { get; } = new(new ReadabilitySettings(), new ReviewSettings(), new StructuredDataSettings(), true, true);

    internal static TrustSettings Read(SiteConfig config, string siteYmlDisplay, DiagnosticBag diagnostics)
    {
        var values = new YamlValues(siteYmlDisplay, config.SectionsLineOffset, DiagnosticCodes.ConfigWrongType, diagnostics);
        return new TrustSettings(
            ReadabilitySettings.Read(config, values),
            ReviewSettings.Read(config, values),
            StructuredDataSettings.Read(config, values, diagnostics),
            Enabled(config, "accessibility", values),
            Enabled(config, "glossary", values));
    }

    /// <summary>The key/value pairs of a section, warning about keys nobody reads.</summary>
    internal static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode section, YamlValues values, string[] known, string where)
    {
        foreach (var (keyNode, value) in section.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalar)
            {
                continue;
            }

            if (!known.Contains(key, StringComparer.Ordinal))
            {
                values.UnknownKey(scalar, DiagnosticCodes.ConfigUnknownKey, known, where);
                continue;
            }

            yield return (key, value);
        }
    }

    private static bool Enabled(SiteConfig config, string section, YamlValues values)
    {
        if (!config.Sections.TryGetValue(section, out var map))
        {
            return true;
        }

        var enabled = true;
        foreach (var (_, value) in Entries(map, values, ["enabled"], section))
        {
            enabled = values.Flag(section + ".enabled", value) ?? enabled;
        }

        return enabled;
    }
}
