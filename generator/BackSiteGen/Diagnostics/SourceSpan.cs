namespace BackSiteGen.Diagnostics;

/// <summary>A place a writer can open in an editor: a file and a 1-based line and column.</summary>
/// <remarks>Line 0 means "the whole file" (for example a file that could not be read at all).</remarks>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan WholeFile(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
