using BackSiteGen.Citations;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Markdown;
using BackSiteGen.Templates;
using BackSiteGen.Trust;
using Scriban.Runtime;

namespace BackSiteGen.Site;

/// <summary>Everything about the site that every page's rendering reads and none changes: built once per build
/// (or per rebuild in <c>serve</c>), then shared read-only across threads.</summary>
public sealed record SiteContext(
    BuildOptions Options,
    SiteConfig Config,
    ContentInventory Inventory,
    Theme Theme,
    SiteIndex Index,
    Navigation Navigation,
    MarkdownRenderer Markdown,
    TemplateRenderer Templates,
    ScriptObject SiteModel)
{
    /// <summary>The site.yml settings of the trust checks (readability, review, structured data, glossary, accessibility).</summary>
    public TrustSettings Trust { get; init; } = TrustSettings.Default;
    /// <summary>Where each page's Markdown body is read from when it renders.</summary>
    public PageBodies Bodies { get; init; } = PageBodies.OnDisk();

    /// <summary>The site's languages and which one each page belongs to.</summary>
    public Editions Editions { get; init; } = Editions.From(Config);

    /// <summary>Each edition's site model, Markdown renderer, theme strings and bound functions, by language code.</summary>
    public IReadOnlyDictionary<string, EditionContext> EditionContexts { get; init; } = new Dictionary<string, EditionContext>(StringComparer.Ordinal);

    /// <summary>Which page translates which.</summary>
    public Translations Translations { get; init; } = Translations.Empty;

    /// <summary>What a page of this edition renders with; null only for a context built without editions (tests).</summary>
    public EditionContext? EditionOf(Page page) => EditionContexts.GetValueOrDefault(Editions.Of(page).Code);

    /// <summary>The Markdown renderer of the page's edition (its glossary, its care-card prefixes).</summary>
    public MarkdownRenderer MarkdownOf(Page page) => EditionOf(page)?.Markdown ?? Markdown;

    /// <summary>The <c>site</c> model of the page's edition.</summary>
    public ScriptObject SiteModelOf(Page page) => EditionOf(page)?.SiteModel ?? SiteModel;

    /// <summary>Source paths of the pages whose reading gave a finding (a key of the wrong type, say): the record of the
    /// build keeps no front matter of theirs, so the next build reads them again and gives the finding again.</summary>
    public IReadOnlySet<string> ReadWithFindings { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The site's sources (content/references.yaml or .json); empty when it has none.</summary>
    public Bibliography Bibliography { get; init; } = Bibliography.Empty;
}
