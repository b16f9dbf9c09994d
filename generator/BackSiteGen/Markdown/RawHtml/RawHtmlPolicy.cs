using BackSiteGen.Config;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Markdown.RawHtml;

/// <summary>What raw HTML in content may do, from the <c>security</c> section of site.yml.</summary>
/// <remarks>Both default to false: the site promises readers that no script comes from content, so a pasted
/// embed code or tracking snippet must be a deliberate, reviewed decision in site.yml, not an accident in a page.</remarks>
/// <param name="AllowScripts">Allows <c>&lt;script&gt;</c>, <c>on*</c> event attributes and <c>javascript:</c> URLs.</param>
/// <param name="AllowIframes">Allows <c>&lt;iframe&gt;</c> and the other embedding elements (frame, object, embed).</param>
public sealed record RawHtmlPolicy(bool AllowScripts, bool AllowIframes)
{
    public const string SectionKey = "security";

    public static RawHtmlPolicy Strict { get; } = new(false, false);

    /// <summary>Reads <c>security: { allow_scripts, allow_iframes }</c>; other keys belong to other features.</summary>
    public static RawHtmlPolicy Read(SiteConfig config, string siteYmlDisplay, DiagnosticBag diagnostics)
    {
        if (!config.Sections.TryGetValue(SectionKey, out var section))
        {
            return Strict;
        }

        var values = new YamlValues(siteYmlDisplay, config.SectionsLineOffset, DiagnosticCodes.ConfigWrongType, diagnostics);
        var policy = Strict;
        foreach (var (keyNode, value) in section.Children)
        {
            switch ((keyNode as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value)
            {
                case "allow_scripts":
                    policy = policy with { AllowScripts = values.Flag("security.allow_scripts", value) ?? false };
                    break;
                case "allow_iframes":
                    policy = policy with { AllowIframes = values.Flag("security.allow_iframes", value) ?? false };
                    break;
            }
        }

        return policy;
    }
}
