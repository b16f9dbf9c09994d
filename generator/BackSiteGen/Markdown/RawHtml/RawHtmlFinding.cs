namespace BackSiteGen.Markdown.RawHtml;

/// <summary>Something in a piece of HTML that content may not do, at an offset within that HTML.</summary>
public readonly record struct RawHtmlFinding(string Code, string Message, int Offset);
