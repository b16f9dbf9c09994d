using System.Text.RegularExpressions;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Checks;

/// <summary>How serious each kind of link finding is (from <c>links:</c>) and how external links are checked
/// (from <c>external_links:</c>). Every kind is an error unless the site says otherwise, as Zola's levels are.</summary>
public sealed class LinkCheckSettings
{
    /// <summary>The key of each check in <c>links:</c>, with the diagnostic code it reports under.</summary>
    public static IReadOnlyList<(LinkCheck Check, string Key, string Code)> Checks { get; } =
    [
        (LinkCheck.BrokenPage, "broken_page", DiagnosticCodes.BrokenLink),
        (LinkCheck.BrokenAnchor, "broken_anchor", DiagnosticCodes.BrokenAnchor),
        (LinkCheck.MissingResource, "missing_resource", DiagnosticCodes.MissingResource),
        (LinkCheck.DuplicateId, "duplicate_id", DiagnosticCodes.DuplicateId),
        (LinkCheck.OutsideBasePath, "outside_base_path", DiagnosticCodes.OutsideBasePath),
        (LinkCheck.ThirdPartyResource, "third_party_resource", DiagnosticCodes.ThirdPartyResource),
        (LinkCheck.BrokenExternal, "broken_external", DiagnosticCodes.BrokenExternalLink),
        (LinkCheck.BrokenExternalAnchor, "broken_external_anchor", DiagnosticCodes.BrokenExternalAnchor),
    ];

    private static readonly string[] ExternalKeys = ["skip", "max_age_hours", "check_fragments"];

    private readonly Severity?[] _severities;

    /// <summary>The keys of <c>links:</c> that are not severities.</summary>
    private static readonly string[] OptionKeys = ["same_origin_outside_base", "extensionless"];

    private LinkCheckSettings(Severity?[] severities, IReadOnlyList<Regex> skip, TimeSpan maxAge, bool checkFragments)
    {
        _severities = severities;
        Skip = skip;
        MaxAge = maxAge;
        CheckFragments = checkFragments;
    }

    public static LinkCheckSettings Default { get; } = new(AllErrors(), [], TimeSpan.FromHours(24), true);

    /// <summary>External URLs matching any of these are never requested.</summary>
    public IReadOnlyList<Regex> Skip { get; }

    /// <summary>How long a cached answer from an external server is trusted.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Whether fragments of external links are looked up in the page they point to.</summary>
    public bool CheckFragments { get; }

    /// <summary><c>links.same_origin_outside_base</c>: whether <c>https://owner.github.io/</c> written in full on a site
    /// published at <c>/repo/</c> is another site on the same host (external, the default) or an error.</summary>
    public bool SameOriginOutsideBaseIsExternal { get; private init; } = true;

    /// <summary><c>links.extensionless: html</c>: the host serves <c>x.html</c> at <c>/x</c> (GitHub Pages, Netlify,
    /// Cloudflare Pages), so a link to <c>/x</c> finds <c>x.html</c>.</summary>
    public bool ExtensionlessHtml { get; private init; }

    /// <summary>The severity of a kind of finding; null when the site turned it off.</summary>
    public Severity? SeverityOf(LinkCheck check) => _severities[(int)check];

    public static string CodeOf(LinkCheck check) => Checks[(int)check].Code;

    public bool IsSkipped(string url)
    {
        foreach (var pattern in Skip)
        {
            if (pattern.IsMatch(url))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the <c>links:</c> and <c>external_links:</c> sections; wrong values are reported at their line.</summary>
    public static LinkCheckSettings From(SiteConfig config, string siteYmlDisplayPath, DiagnosticBag diagnostics)
    {
        var values = new YamlValues(siteYmlDisplayPath, config.SectionsLineOffset, DiagnosticCodes.ConfigWrongType, diagnostics);
        var severities = AllErrors();
        var (sameOriginExternal, extensionless) = (true, false);
        if (config.Sections.TryGetValue("links", out var links))
        {
            ReadSeverities(links, values, severities, diagnostics);
            (sameOriginExternal, extensionless) = ReadOptions(links, values, diagnostics);
        }

        var settings = Default;
        IReadOnlyList<Regex> skip = [];
        var maxAge = settings.MaxAge;
        var fragments = settings.CheckFragments;
        if (config.Sections.TryGetValue("external_links", out var external))
        {
            foreach (var (keyNode, value) in external.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
                {
                    continue;
                }

                switch (key)
                {
                    case "skip":
                        skip = ReadPatterns(value, values, diagnostics);
                        break;
                    case "max_age_hours":
                        if (values.Number("external_links.max_age_hours", value) is { } hours)
                        {
                            maxAge = TimeSpan.FromHours(Math.Max(0, hours));
                        }

                        break;
                    case "check_fragments":
                        fragments = values.Flag("external_links.check_fragments", value) ?? fragments;
                        break;
                    default:
                        values.UnknownKey(keyScalar, DiagnosticCodes.ConfigUnknownKey, ExternalKeys, "external_links");
                        break;
                }
            }
        }

        return new LinkCheckSettings(severities, skip, maxAge, fragments) { SameOriginOutsideBaseIsExternal = sameOriginExternal, ExtensionlessHtml = extensionless };
    }

    private static (bool SameOriginExternal, bool Extensionless) ReadOptions(YamlMappingNode links, YamlValues values, DiagnosticBag diagnostics)
    {
        var (sameOriginExternal, extensionless) = (true, false);
        foreach (var (keyNode, value) in links.Children)
        {
            switch ((keyNode as YamlScalarNode)?.Value)
            {
                case "same_origin_outside_base":
                    switch (values.Text("links.same_origin_outside_base", value))
                    {
                        case null:
                            break;
                        case "external":
                            sameOriginExternal = true;
                            break;
                        case "error":
                            sameOriginExternal = false;
                            break;
                        default:
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, values.Span(value), "'links.same_origin_outside_base' must be external or error."));
                            break;
                    }

                    break;
                case "extensionless":
                    switch (values.Text("links.extensionless", value))
                    {
                        case null:
                            break;
                        case "off":
                            extensionless = false;
                            break;
                        case "html":
                            extensionless = true;
                            break;
                        default:
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, values.Span(value), "'links.extensionless' must be off or html."));
                            break;
                    }

                    break;
            }
        }

        return (sameOriginExternal, extensionless);
    }

    private static void ReadSeverities(YamlMappingNode links, YamlValues values, Severity?[] severities, DiagnosticBag diagnostics)
    {
        foreach (var (keyNode, value) in links.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
            {
                continue;
            }

            var index = -1;
            for (var i = 0; i < Checks.Count; i++)
            {
                if (Checks[i].Key == key)
                {
                    index = i;
                }
            }

            if (OptionKeys.Contains(key))
            {
                continue;
            }

            if (index < 0)
            {
                values.UnknownKey(keyScalar, DiagnosticCodes.ConfigUnknownKey, Checks.Select(c => c.Key).Concat(OptionKeys), "links");
                continue;
            }

            switch (values.Text("links." + key, value))
            {
                case null:
                    break;
                case "error":
                    severities[index] = Severity.Error;
                    break;
                case "warning":
                    severities[index] = Severity.Warning;
                    break;
                case "off":
                    severities[index] = null;
                    break;
                default:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, values.Span(value), $"'links.{key}' must be error, warning or off."));
                    break;
            }
        }
    }

    private static List<Regex> ReadPatterns(YamlNode node, YamlValues values, DiagnosticBag diagnostics)
    {
        var patterns = new List<Regex>();
        foreach (var text in values.StringList("external_links.skip", node) ?? [])
        {
            try
            {
                patterns.Add(new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
            }
            catch (ArgumentException ex)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, values.Span(node), $"external_links.skip: '{text}' is not a regular expression ({ex.Message})."));
            }
        }

        return patterns;
    }

    private static Severity?[] AllErrors()
    {
        var severities = new Severity?[Checks.Count];
        Array.Fill(severities, Severity.Error);
        return severities;
    }
}
