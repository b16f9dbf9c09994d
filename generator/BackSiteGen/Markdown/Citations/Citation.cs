namespace BackSiteGen.Markdown.Citations;

/// <summary>One key inside a citation group: <c>@key</c> with an optional locator (<c>@key, p. 12</c>).</summary>
/// <remarks>Markdig's syntax tree is mutable by design and belongs to one parse of one document; the numbering pass
/// fills in <see cref="Number"/> and <see cref="IsFirst"/> right after parsing, so the per-page state lives in the
/// document, never in the pipeline that threads share.</remarks>
internal sealed class Citation(string key, string? locator, int line, int column)
{
    public string Key { get; } = key;

    /// <summary>The locator as written ("p. 12"), or null.</summary>
    public string? Locator { get; } = locator;

    /// <summary>Markdig's 0-based line of the <c>@</c> within the parsed text.</summary>
    public int Line { get; } = line;

    /// <summary>Markdig's 0-based column of the <c>@</c>.</summary>
    public int Column { get; } = column;

    /// <summary>The source's number on this page, in order of first citation (AMA/Vancouver).</summary>
    public int Number { get; set; }

    /// <summary>True for the first citation of this key on the page, which carries the id the entry links back to.</summary>
    public bool IsFirst { get; set; }
}
