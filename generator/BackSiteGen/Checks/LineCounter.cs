namespace BackSiteGen.Checks;

/// <summary>Turns offsets into 1-based lines and columns while a file is read front to back.</summary>
/// <remarks>AngleSharp's own positions are 16-bit and wrap on minified pages; counting newlines between
/// successive offsets (vectorized) costs one pass over the text in total.</remarks>
internal struct LineCounter(string text)
{
    private int _scanned;
    private int _line = 1;
    private int _lineStart;

    public HtmlLink Link(string url, LinkElement element, int offset)
    {
        var (line, column) = At(offset);
        return new HtmlLink(url.Trim(), element, offset, line, column);
    }

    public HtmlId Place(HtmlId id)
    {
        if (id.Line > 0)
        {
            return id;
        }

        var (line, column) = At(id.Offset);
        return id with { Line = line, Column = column };
    }

    public (int Line, int Column) At(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (offset < _scanned)
        {
            // Only ids placed late look back; recount from the start rather than keep a table.
            _scanned = 0;
            _line = 1;
            _lineStart = 0;
        }

        var span = text.AsSpan(_scanned, offset - _scanned);
        var newlines = span.Count('\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _scanned + span.LastIndexOf('\n') + 1;
        }

        _scanned = offset;
        return (_line, offset - _lineStart + 1);
    }
}
