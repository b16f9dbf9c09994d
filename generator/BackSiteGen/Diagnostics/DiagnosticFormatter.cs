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
        return $"{Printable(d.Span.ToString())}: {kind} {d.Code}: {Printable(d.Message)}";
    }

    /// <summary>The text with every control character (line breaks above all) written as <c>\u000A</c>, so that a file
    /// named with a newline cannot split one diagnostic into two lines, such as a forged <c>::error</c> command.</summary>
    public static string Printable(string text)
    {
        var i = 0;
        while (i < text.Length && !IsUnprintable(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnprintable(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsUnprintable(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

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
