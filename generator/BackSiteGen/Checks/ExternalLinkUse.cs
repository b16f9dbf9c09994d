namespace BackSiteGen.Checks;

/// <summary>One place a page links to another site, kept so that a failure is reported at every use.</summary>
public sealed record ExternalLinkUse(HtmlFacts File, int LinkIndex, Uri Url);
