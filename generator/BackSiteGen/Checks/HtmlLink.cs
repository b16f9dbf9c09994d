namespace BackSiteGen.Checks;

/// <summary>One URL found in a built file, where it was found (0-based offset, 1-based line and column).</summary>
public readonly record struct HtmlLink(string Url, LinkElement Element, int Offset, int Line, int Column)
{
    /// <summary>True for elements whose target the browser fetches by itself (or, for a ping, sends to without the
    /// reader seeing it): another origin there learns who reads the page.</summary>
    public bool IsLoaded => Element is not (LinkElement.Hyperlink or LinkElement.PageLink or LinkElement.Refresh);
}
