namespace BackSiteGen.Markdown.Citations;

/// <summary>One key inside a citation: <c>[see @key, p. 12 and passim]</c> or in-text <c>@key [p. 12]</c>.</summary>
/// <remarks>Markdig's syntax tree is mutable by design and belongs to one parse of one document; the numbering pass
/// fills in <see cref="Number"/> and <see cref="IsFirst"/> right after parsing, so the per-page state lives in the
/// document, never in the pipeline that threads share.</remarks>
internal sealed class Citation(string key, int line, int column)
{
    public string Key { get; } = key;

    /// <summary>Text before the key ("see"), as Markdown; null for none.</summary>
    public string? Prefix { get; init; }

    /// <summary>The locator ("p. 12"), or null.</summary>
    public CitationLocator? Locator { get; init; }

    /// <summary>Text after the key and locator (", and passim"), as Markdown with its leading comma or space; null for none.</summary>
    public string? Suffix { get; init; }

    /// <summary>Written <c>-@key</c>: "do not name the author". A numbered style never names one, so it changes nothing.</summary>
    public bool SuppressAuthor { get; init; }

    /// <summary>Markdig's 0-based line of the <c>@</c> within the parsed text.</summary>
    public int Line { get; } = line;

    /// <summary>Markdig's 0-based column of the <c>@</c>.</summary>
    public int Column { get; } = column;

    /// <summary>The source's number on this page, in order of first citation (AMA/Vancouver).</summary>
    public int Number { get; set; }

    /// <summary>True for the first citation of this key on the page, which carries the id the entry links back to.</summary>
    public bool IsFirst { get; set; }

    /// <summary>Nothing but the number: such citations can join a range ("1-3").</summary>
    public bool IsBare => Locator is null && Prefix is null && Suffix is null;
}
