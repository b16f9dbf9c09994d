using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Config;

/// <summary>The organisation that publishes the site; shown in every footer and in structured data.</summary>
public sealed record Publisher(string Name, string? Url);

/// <summary>The settings of <c>content/site.yml</c>. Every key has a default except the trust data: who publishes
/// the site and who reviews it are never invented (null until site.yml names them; the trust checks report it).</summary>
/// <param name="BaseUrl">Absolute URL of the site's root, always ending in '/'.</param>
/// <param name="Sections">Feature sections (links, review, readability, …) that each check reads for itself.</param>
public sealed record SiteConfig(
    string Title,
    string Description,
    Uri BaseUrl,
    string Language,
    Publisher? Publisher,
    string? EditorialTeam,
    string? FeedbackEmail,
    IReadOnlyDictionary<string, YamlMappingNode> Sections,
    int SectionsLineOffset = 0)
{
    public static SiteConfig Default { get; } = new(
        "Untitled site",
        string.Empty,
        new Uri("https://example.org/"),
        "en",
        null,
        null,
        null,
        new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal));

    /// <summary>The other languages' editions (<c>languages:</c>), in the order written; the default language is <see cref="Language"/>.</summary>
    public IReadOnlyList<SiteLanguage> Languages { get; init; } = [];

    /// <summary>The path every internal URL starts with: "/" for a user site, "/repo/" for a GitHub Pages project site.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";
}
