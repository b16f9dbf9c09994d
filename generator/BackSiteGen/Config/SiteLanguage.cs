using BackSiteGen.Diagnostics;

namespace BackSiteGen.Config;

/// <summary>One entry of <c>site.yml</c>'s <c>languages:</c>: an edition besides the default language, published from
/// <c>content/&lt;code&gt;/</c> at <c>/&lt;code&gt;/</c>, with its own site strings. A value left out is the default's.</summary>
/// <param name="Name">The language named in itself ("Español"), as the language switcher shows it.</param>
/// <param name="Span">Where the entry's code was written, for findings about the edition as a whole.</param>
public sealed record SiteLanguage(string Code, string? Name, string? Title, string? Description, string? EditorialTeam, string? PublisherName, string? Condition, SourceSpan Span);
