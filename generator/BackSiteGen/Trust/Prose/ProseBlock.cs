namespace BackSiteGen.Trust.Prose;

/// <summary>A block a reader reads (a heading, a paragraph, a list item's paragraph) as plain text, with the place in
/// the file of every character, so a check can report the exact line and column of a word.</summary>
/// <param name="Text">The text; each citation (<c>[@key]</c>) is one <see cref="CitationMark"/> character where it was written.</param>
/// <param name="IsWhole">True for headings and list items: one unit for "the same sentence or list item", never split into sentences.</param>
/// <param name="Section">The index of the heading section the block is in (0 before the first heading).</param>
internal sealed record ProseBlock(string Text, IReadOnlyList<ProseSegment> Segments, bool IsWhole, int Section, string File)
{
    /// <summary>True when the block links to a <c>#fragment</c>: a pointer to where something is explained.</summary>
    public bool HasFragmentLink { get; init; }

    /// <summary>Stands for a citation in <see cref="Text"/>.</summary>
    public const char CitationMark = '\uFFFC';

    /// <summary>The 1-based line and column in the file of the character at <paramref name="offset"/>.</summary>
    public Diagnostics.SourceSpan SpanAt(int offset)
    {
        var low = 0;
        var high = Segments.Count - 1;
        var found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (Segments[mid].Start <= offset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (found < 0)
        {
            return Segments.Count == 0 ? new Diagnostics.SourceSpan(File, 1, 1) : new Diagnostics.SourceSpan(File, Segments[0].Line, Segments[0].Column);
        }

        var segment = Segments[found];
        return new Diagnostics.SourceSpan(File, segment.Line, segment.Column + (segment.Literal ? offset - segment.Start : 0));
    }

    /// <summary>The sentences of the block as [start, end) ranges: the whole block for headings and list items.</summary>
    public IReadOnlyList<Range> Sentences() => IsWhole ? [new Range(0, Text.Length)] : SentenceSplitter.Split(Text);
}

/// <summary>From <see cref="Start"/> on, the text was written at <see cref="Line"/>, <see cref="Column"/> (1-based);
/// within a literal run each character is one column further.</summary>
internal readonly record struct ProseSegment(int Start, int Line, int Column, bool Literal);
