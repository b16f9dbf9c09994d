using System.Globalization;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Trust;

namespace BackSiteGen.Site;

/// <summary>site.yml <c>theme: { menu_limit: 12 }</c>: how many of an edition's top-level entries (top-level pages and
/// one per section, in the writers' <c>order</c>) a theme's menu shows, as <c>site.menu</c>; <c>site.nav</c> keeps them
/// all and <c>site.menu_left_out</c> counts the rest.</summary>
/// <remarks>A menu of every section made each page grow with the site (a 50,000-page corpus of 500 sections carried
/// 1,000 menu links on every page, and its build grew with the square of its size), and a list of hundreds of links is
/// no menu for a reader on a phone. Twelve leaves room above the microsite's ten entries (eight shown: the default theme
/// links "Find a topic" and the accessibility statement elsewhere) while a phone still shows the list on a screen or
/// two.</remarks>
/// <param name="Limit">The most entries <c>site.menu</c> holds.</param>
/// <param name="Span">Where site.yml sets it, or null for the default.</param>
public sealed record MenuSettings(int Limit = MenuSettings.DefaultLimit, SourceSpan? Span = null)
{
    public const int DefaultLimit = 12;

    private const string Section = "theme";

    private static readonly string[] Keys = ["menu_limit"];

    /// <summary>How many left-out entries a note names before it counts the rest.</summary>
    private const int NamedInNote = 5;

    internal static MenuSettings Read(SiteConfig config, string siteYmlDisplay, DiagnosticBag diagnostics)
    {
        var settings = new MenuSettings();
        if (!config.Sections.TryGetValue(Section, out var section))
        {
            return settings;
        }

        var values = new YamlValues(siteYmlDisplay, config.SectionsLineOffset, DiagnosticCodes.ConfigWrongType, diagnostics);
        foreach (var (key, value) in TrustSettings.Entries(section, values, Keys, Section))
        {
            if (key != "menu_limit" || values.Number("theme.menu_limit", value) is not { } limit)
            {
                continue;
            }

            if (limit < 1)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MenuLimitInvalid, values.Span(value), $"theme.menu_limit is {limit}; the menu needs at least one entry: write a whole number of 1 or more (the default is {DefaultLimit}), or leave the key out."));
                continue;
            }

            settings = new MenuSettings(limit, values.Span(value));
        }

        return settings;
    }

    /// <summary>A note for each edition whose top level has more entries than the menu shows: which ones were left out
    /// and how a writer chooses them. At the <c>menu_limit</c> line when site.yml sets it, else at the edition's home page
    /// (site.yml when it has none).</summary>
    internal void ReportLeftOut(Navigation navigation, Editions editions, SiteIndex index, string displayContent, DiagnosticBag diagnostics)
    {
        foreach (var edition in editions.All)
        {
            var items = navigation.ItemsOf(edition.Code);
            if (items.Count <= Limit)
            {
                continue;
            }

            var leftOut = items.Skip(Limit).ToList();
            var named = string.Join(", ", leftOut.Take(NamedInNote).Select(i => $"\"{i.Title}\" ({displayContent}/{i.Source})"));
            var rest = leftOut.Count > NamedInNote ? " and " + (leftOut.Count - NamedInNote).ToString("N0", CultureInfo.InvariantCulture) + " more" : string.Empty;
            var where = editions.IsMultilingual ? $"The {edition.Code} edition's menu" : "The menu";
            var span = Span
                ?? (index.PageAt(edition.HomeSource) is not null ? new SourceSpan($"{displayContent}/{edition.HomeSource}", 1, 1) : SourceSpan.WholeFile($"{displayContent}/{SiteConfigLoader.FileName}"));
            var setting = Span is null ? $"the default theme.menu_limit of {Limit}" : $"theme.menu_limit: {Limit}";
            diagnostics.Add(Diagnostic.Note(DiagnosticCodes.MenuEntriesLeftOut, span, DiagnosticFormatter.Printable(
                $"{where} shows the first {Limit} of {items.Count.ToString("N0", CultureInfo.InvariantCulture)} top-level entries ({setting}); left out: {named}{rest}. "
                + "The default theme's menu ends with a link to a list of them all. The menu takes entries by their `order:` "
                + "(then title): give the ones it should show a lower order, or set theme.menu_limit in site.yml.")));
        }
    }
}
