namespace BackSiteGen.Diagnostics;

/// <summary>One finding about the site, always tied to a place the writer can fix.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceSpan Span)
{
    public static Diagnostic Error(string code, SourceSpan span, string message) => new(Severity.Error, code, message, span);

    public static Diagnostic Warning(string code, SourceSpan span, string message) => new(Severity.Warning, code, message, span);

    public static Diagnostic Note(string code, SourceSpan span, string message) => new(Severity.Note, code, message, span);
}
