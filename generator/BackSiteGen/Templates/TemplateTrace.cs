using BackSiteGen.Diagnostics;

namespace BackSiteGen.Templates;

/// <summary>Which template wrote each part of one rendered page, so a finding in the output (a broken link a partial
/// made) is reported at the partial's own line and column.</summary>
/// <remarks>Filled by <see cref="TracingTemplateContext"/> while Scriban renders. Only built when a finding needs it:
/// the page is rendered again with tracing, so ordinary builds pay nothing.</remarks>
public sealed class TemplateTrace
{
    private readonly List<TemplateSegment> _segments;

    internal TemplateTrace(List<TemplateSegment> segments, string html)
    {
        _segments = segments;
        Html = html;
    }

    /// <summary>The page as rendered while tracing; compared with the built page before the trace is trusted.</summary>
    public string Html { get; }

    /// <summary>The template position that wrote the output at <paramref name="offset"/>, the file relative to the
    /// theme folder; null when no template text or expression covers it.</summary>
    public (string File, int Line, int Column)? Locate(int offset)
    {
        // Segments are recorded in output order; the innermost (a partial's text inside an include) comes last among
        // those covering one offset, so the last match wins.
        TemplateSegment? found = null;
        var lo = 0;
        var hi = _segments.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_segments[mid].Start <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var i = hi; i >= 0; i--)
        {
            var segment = _segments[i];
            if (offset >= segment.Start && offset < segment.End)
            {
                found = segment;
                break;
            }
        }

        if (found is not { } s)
        {
            return null;
        }

        if (s.Source is null)
        {
            return (s.File, s.Line, s.Column);
        }

        var index = SourceIndexOf(s, offset);
        var before = s.Source.AsSpan(0, index);
        var lineStart = before.LastIndexOf('\n') + 1;
        return (s.File, before.Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>Walks the output and the template text side by side: Scriban's automatic indentation of included
    /// templates inserts characters into the output that the template does not have.</summary>
    private int SourceIndexOf(TemplateSegment s, int offset)
    {
        var source = s.Source!;
        var (i, j) = (s.SourceIndex, s.Start);
        while (j < offset && i < source.Length)
        {
            if (Html[j] == source[i])
            {
                i++;
            }

            j++;
        }

        return Math.Min(i, source.Length);
    }

    /// <summary>The display form of a located position.</summary>
    public static SourceSpan SpanOf((string File, int Line, int Column) place, Theme theme) =>
        new(theme.DisplayPathOf(place.File), place.Line, place.Column);
}
