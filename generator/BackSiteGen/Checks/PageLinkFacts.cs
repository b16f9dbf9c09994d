namespace BackSiteGen.Checks;

/// <summary>One built page's ids and links, read from its HTML once.</summary>
/// <param name="OutputPath">The page's output path, percent-decoded, as the link check keys pages.</param>
/// <param name="All">Everything extracted, citation links included (for the citation check).</param>
/// <param name="ForLinks">Without citation links, which the citation check reports at the citation's own line.</param>
public sealed record PageLinkFacts(string OutputPath, HtmlFacts All, HtmlFacts ForLinks, PageOrigin Origin);
