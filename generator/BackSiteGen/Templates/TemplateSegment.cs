namespace BackSiteGen.Templates;

/// <summary>A stretch of rendered output and the template text that wrote it.</summary>
/// <param name="Start">Offset of the stretch in the output.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="File">The template, relative to the theme folder (<c>partials/footer.html</c>).</param>
/// <param name="Source">For literal template text: the whole template, so a position inside the stretch maps to its
/// own line and column; null for the output of an expression, which maps to the expression.</param>
/// <param name="SourceIndex">Offset in <paramref name="Source"/> of the stretch's first character.</param>
/// <param name="Line">For an expression: its 1-based line.</param>
/// <param name="Column">For an expression: its 1-based column.</param>
internal readonly record struct TemplateSegment(int Start, int End, string File, string? Source, int SourceIndex, int Line, int Column)
{
    public TemplateSegment Shifted(int by) => this with { Start = Start + by, End = End + by };
}
