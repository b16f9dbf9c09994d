using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Config;

/// <summary>Reads <c>site.yml</c>; a missing file means every default.</summary>
public static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    private static readonly string[] CoreKeys = ["title", "description", "base_url", "language", "publisher", "editorial_team", "feedback_email"];

    /// <summary>Sections that belong to one feature each; the feature reads its own keys.</summary>
    public static readonly string[] SectionKeys = ["links", "external_links", "citations", "review", "readability", "glossary", "accessibility", "security", "theme", "structured_data"];

    private static readonly string[] PublisherKeys = ["name", "url"];

    public static SiteConfig Load(string contentDir, string displayContentDir, string? baseUrlOverride, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        var display = Path.Combine(displayContentDir, FileName).Replace('\\', '/');
        var config = SiteConfig.Default;
        if (File.Exists(path))
        {
            config = Parse(ReadText(path, display, diagnostics), display, diagnostics);
        }

        if (baseUrlOverride is not null)
        {
            var uri = ParseBaseUrl(baseUrlOverride);
            if (uri is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, SourceSpan.WholeFile("--base-url"), $"'{baseUrlOverride}' is not an absolute http(s) URL."));
            }
            else
            {
                config = config with { BaseUrl = uri };
            }
        }

        return config;
    }

    public static SiteConfig Parse(string text, string display, DiagnosticBag diagnostics)
    {
        var root = YamlSource.Load(text, display, 0, DiagnosticCodes.ConfigSyntax, diagnostics);
        if (root is null || YamlSource.IsNull(root))
        {
            return SiteConfig.Default;
        }

        var values = new YamlValues(display, 0, DiagnosticCodes.ConfigWrongType, diagnostics);
        if (root is not YamlMappingNode map)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigSyntax, values.Span(root), "site.yml must be a mapping of keys to values."));
            return SiteConfig.Default;
        }

        var config = SiteConfig.Default;
        var sections = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        var known = CoreKeys.Concat(SectionKeys).ToArray();
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
            {
                continue;
            }

            switch (key)
            {
                case "title":
                    config = config with { Title = values.Text(key, value) ?? config.Title };
                    break;
                case "description":
                    config = config with { Description = values.Text(key, value) ?? config.Description };
                    break;
                case "base_url":
                    if (values.Text(key, value) is { } url)
                    {
                        var uri = ParseBaseUrl(url);
                        if (uri is null)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, values.Span(value), $"base_url '{url}' is not an absolute http(s) URL."));
                        }
                        else
                        {
                            config = config with { BaseUrl = uri };
                        }
                    }

                    break;
                case "language":
                    config = config with { Language = values.Text(key, value) ?? config.Language };
                    break;
                case "editorial_team":
                    config = config with { EditorialTeam = values.Text(key, value) ?? config.EditorialTeam };
                    break;
                case "feedback_email":
                    config = config with { FeedbackEmail = values.Text(key, value) };
                    break;
                case "publisher":
                    config = config with { Publisher = ParsePublisher(value, values, config.Publisher) };
                    break;
                default:
                    if (SectionKeys.Contains(key))
                    {
                        if (values.Mapping(key, value) is { } section)
                        {
                            sections[key] = section;
                        }
                    }
                    else
                    {
                        values.UnknownKey(keyScalar, DiagnosticCodes.ConfigUnknownKey, known, "site.yml");
                    }

                    break;
            }
        }

        return config with { Sections = sections };
    }

    private static Publisher? ParsePublisher(YamlNode node, YamlValues values, Publisher? fallback)
    {
        if (node is YamlScalarNode)
        {
            return values.Text("publisher", node) is { } name ? new Publisher(name, null) : fallback;
        }

        if (values.Mapping("publisher", node) is not { } map)
        {
            return fallback;
        }

        var publisher = fallback ?? new Publisher(string.Empty, null);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
            {
                continue;
            }

            switch (key)
            {
                case "name":
                    publisher = publisher with { Name = values.Text("publisher.name", value) ?? publisher.Name };
                    break;
                case "url":
                    publisher = publisher with { Url = values.Text("publisher.url", value) };
                    break;
                default:
                    values.UnknownKey(keyScalar, DiagnosticCodes.ConfigUnknownKey, PublisherKeys, "publisher");
                    break;
            }
        }

        // A publisher with a url but no name is still no publisher a reader can see.
        return string.IsNullOrWhiteSpace(publisher.Name) ? null : publisher;
    }

    public static Uri? ParseBaseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static string ReadText(string path, string display, DiagnosticBag diagnostics) =>
        Content.SourceText.Read(path, display, diagnostics) ?? string.Empty;
}
