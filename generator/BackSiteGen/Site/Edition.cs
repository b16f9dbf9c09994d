using BackSiteGen.Config;
using BackSiteGen.Content;

namespace BackSiteGen.Site;

/// <summary>One language's edition of the site: the default language at the root, every other one in
/// <c>content/&lt;code&gt;/</c>, mirroring the default's paths, published at <c>/&lt;code&gt;/</c>.</summary>
/// <param name="Root">The edition's folder below the content folder with a trailing slash ("es/"), or "" for the default.</param>
/// <param name="Config">The site's settings as this edition's pages see them: its own title, description, review team and language.</param>
/// <param name="Name">The language named in itself, or null to take the theme's <c>language_name</c> string.</param>
public sealed record Edition(string Code, string? Name, string Root, SiteConfig Config, bool IsDefault)
{
    /// <summary>The edition's home page source, <c>es/index.md</c>.</summary>
    public string HomeSource => Root + "index.md";

    /// <summary>The edition's folder without its slash ("es"), or "" for the default.</summary>
    public string Folder => Root.TrimEnd('/');

    /// <summary>A source path as the edition sees it: <c>es/exercises/cat-cow.md</c> → <c>exercises/cat-cow.md</c>.</summary>
    public string Relative(string sourcePath) => sourcePath.StartsWith(Root, StringComparison.Ordinal) ? sourcePath[Root.Length..] : sourcePath;
}

/// <summary>The site's editions and which one each source path belongs to.</summary>
public sealed class Editions
{
    private readonly Dictionary<string, Edition> _byCode;

    private Editions(IReadOnlyList<Edition> all)
    {
        All = all;
        Default = all[0];
        _byCode = all.ToDictionary(e => e.Code, StringComparer.Ordinal);
    }

    /// <summary>The default language first, then the others in the order site.yml lists them.</summary>
    public IReadOnlyList<Edition> All { get; }

    public Edition Default { get; }

    /// <summary>True when site.yml lists languages besides the default.</summary>
    public bool IsMultilingual => All.Count > 1;

    public static Editions From(SiteConfig config)
    {
        var all = new List<Edition> { new(config.Language, null, string.Empty, config, IsDefault: true) };
        foreach (var language in config.Languages)
        {
            var own = config with
            {
                Language = language.Code,
                Title = language.Title ?? config.Title,
                Description = language.Description ?? config.Description,
                EditorialTeam = language.EditorialTeam ?? config.EditorialTeam,
                Publisher = config.Publisher is { } p && language.PublisherName is { } name ? p with { Name = name } : config.Publisher,
            };
            all.Add(new Edition(language.Code, language.Name, language.Code + "/", own, IsDefault: false));
        }

        return new Editions(all);
    }

    /// <summary>The edition a source path belongs to: its first folder names a listed language, or the default.</summary>
    public Edition OfSource(string sourcePath)
    {
        var slash = sourcePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && _byCode.TryGetValue(sourcePath[..slash], out var edition) && !edition.IsDefault ? edition : Default;
    }

    /// <summary>The edition of a page (the default for a page read without one).</summary>
    public Edition Of(Page page) => page.Language.Length > 0 && _byCode.TryGetValue(page.Language, out var edition) ? edition : Default;

    public Edition? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The page with its language and its section inside its edition: <c>es/exercises/handout.md</c> is in
    /// section <c>es/exercises</c>, so <c>section_pages page.section</c> lists the Spanish exercises.</summary>
    public Page Assign(Page page)
    {
        var edition = OfSource(page.Source.RelativePath);
        if (edition.IsDefault)
        {
            return page.Language == edition.Code ? page : page with { Language = edition.Code };
        }

        var relative = edition.Relative(page.Source.RelativePath);
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        var section = slash < 0 ? edition.Folder : edition.Root + relative[..slash];
        return page with { Language = edition.Code, Section = section };
    }
}
