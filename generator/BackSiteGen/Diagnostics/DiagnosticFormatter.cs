using System.Text;

namespace BackSiteGen.Diagnostics;

/// <summary>Prints findings the way editors and CI already parse them.</summary>
public static class DiagnosticFormatter
{
    /// <summary>MSBuild's canonical format: <c>content/a.md(12,5): error BSG0201: message</c>.</summary>
    public static string ToMsBuild(Diagnostic d)
    {
        var kind = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        // One finding, one line, whatever a message quotes: editors and CI parse line by line.
        var message = d.Message.AsSpan().IndexOfAny('\r', '\n') < 0 ? d.Message : d.Message.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
        return $"{d.Span}: {kind} {d.Code}: {message}";
    }

    /// <summary>A GitHub Actions workflow command, so the finding appears on the pull request's line.</summary>
    public static string ToGitHubAnnotation(Diagnostic d)
    {
        var kind = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var sb = new StringBuilder("::").Append(kind).Append(" file=").Append(EscapeProperty(d.Span.File));
        if (d.Span.Line > 0)
        {
            sb.Append(",line=").Append(d.Span.Line).Append(",col=").Append(d.Span.Column);
        }

        sb.Append(",title=").Append(d.Code).Append("::").Append(EscapeData(d.Message));
        return sb.ToString();
    }

    // The escapes GitHub's runner documents for workflow command data and properties.
    private static string EscapeData(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
