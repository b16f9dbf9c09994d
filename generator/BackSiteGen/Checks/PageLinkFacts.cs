namespace BackSiteGen.Checks;

/// <summary>What the link check keeps of one built page: its ids and links, read from its HTML once, and where they came from.</summary>
/// <param name="OutputPath">The page's output path, percent-decoded, as the link check keys pages.</param>
/// <param name="ForLinks">The facts without citation links, which the citation check reports at the citation's own line.</param>
public sealed record PageLinkFacts(string OutputPath, HtmlFacts ForLinks, PageOrigin Origin);
