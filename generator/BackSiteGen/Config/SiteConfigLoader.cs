using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Config;

/// <summary>Reads <c>site.yml</c>; a missing file means every default.</summary>
public static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    private static readonly string[] CoreKeys = ["title", "description", "base_url", "language", "publisher", "editorial_team", "feedback_email", "languages"];

    private static readonly string[] LanguageKeys = ["name", "title", "description", "editorial_team", "publisher_name", "condition"];

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
            config = Parse(Content.SourceText.Read(path, display, diagnostics, contentDir) ?? string.Empty, display, diagnostics);
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
                    if (values.Text(key, value) is { } language)
                    {
                        if (ValueShapes.IsLanguageTag(language))
                        {
                            config = config with { Language = language };
                        }
                        else
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigLanguageInvalid, values.Span(value), $"'{DiagnosticFormatter.Printable(language)}' is not a BCP 47 language tag; write one such as en, en-GB or es-419."));
                        }
                    }

                    break;
                case "editorial_team":
                    config = config with { EditorialTeam = values.Text(key, value) ?? config.EditorialTeam };
                    break;
                case "feedback_email":
                    var email = values.Text(key, value);
                    if (email is not null && !ValueShapes.IsEmail(email))
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, values.Span(value), $"'{DiagnosticFormatter.Printable(email)}' is not an e-mail address such as feedback@example.org."));
                        email = null;
                    }

                    config = config with { FeedbackEmail = email };
                    break;
                case "publisher":
                    config = config with { Publisher = ParsePublisher(value, values, config.Publisher) };
                    break;
                case "languages":
                    config = config with { Languages = ParseLanguages(value, values, diagnostics) };
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

        foreach (var same in config.Languages.Where(l => l.Code.Equals(config.Language, StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LanguageInvalid, same.Span, $"'{same.Code}' is the site's default language (language: {config.Language}), published at the root; list only the other languages under 'languages'."));
        }

        return config with { Sections = sections, Languages = config.Languages.Where(l => !l.Code.Equals(config.Language, StringComparison.OrdinalIgnoreCase)).ToList() };
    }

    /// <summary><c>languages: { es: { name: Español, title: …, description: …, editorial_team: … } }</c>.</summary>
    private static List<SiteLanguage> ParseLanguages(YamlNode node, YamlValues values, DiagnosticBag diagnostics)
    {
        var languages = new List<SiteLanguage>();
        if (values.Mapping("languages", node) is not { } map)
        {
            return languages;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } code } codeScalar)
            {
                continue;
            }

            // The code is also the folder the edition lives in and the first segment of its URLs.
            if (!ValueShapes.IsLanguageTag(code) || code.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LanguageInvalid, values.Span(keyNode), $"'{DiagnosticFormatter.Printable(code)}' under 'languages' is not a BCP 47 language tag; write one such as es or pt-BR."));
                continue;
            }

            if (languages.Exists(l => l.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LanguageInvalid, values.Span(keyNode), $"The language '{code}' is listed twice under 'languages'."));
                continue;
            }

            string? name = null, title = null, description = null, team = null, publisher = null, condition = null;
            if (values.Mapping("languages." + code, value) is { } entry)
            {
                foreach (var (fieldNode, fieldValue) in entry.Children)
                {
                    if (fieldNode is not YamlScalarNode { Value: { } field } fieldScalar)
                    {
                        continue;
                    }

                    var key = $"languages.{code}.{field}";
                    switch (field)
                    {
                        case "name": name = values.Text(key, fieldValue); break;
                        case "title": title = values.Text(key, fieldValue); break;
                        case "description": description = values.Text(key, fieldValue); break;
                        case "editorial_team": team = values.Text(key, fieldValue); break;
                        case "publisher_name": publisher = values.Text(key, fieldValue); break;
                        case "condition": condition = values.Text(key, fieldValue); break;
                        default: values.UnknownKey(fieldScalar, DiagnosticCodes.ConfigUnknownKey, LanguageKeys, "languages." + code); break;
                    }
                }
            }

            languages.Add(new SiteLanguage(code, name, title, description, team, publisher, condition, values.Span(codeScalar)));
        }

        return languages;
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
                    var url = values.Text("publisher.url", value);
                    if (url is not null && ValueShapes.WebUrl(url) is null)
                    {
                        values.Report(DiagnosticCodes.ConfigUrlScheme, value, $"'{url}' is not an http or https URL; a link to it could run a script or go nowhere.");
                    }

                    publisher = publisher with { Url = ValueShapes.WebUrl(url) };
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
}
