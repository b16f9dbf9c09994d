using BackSiteGen.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BackSiteGen.Templates;

/// <summary>Renders pages through the theme's compiled layouts.</summary>
/// <remarks>Each thread keeps one context and resets it between pages rather than building a new one: a fresh context
/// and its output buffer, grown again from empty for every page, were a large share of the template stage's allocation.
/// A context that saw an error is dropped, so nothing a failed page left behind reaches the next one.</remarks>
public sealed class TemplateRenderer
{
    // One per thread, remembered with the renderer it belongs to: a thread that moves on to another site (serve
    // reloading) starts a fresh one.
    [ThreadStatic]
    private static RenderState? t_state;

    private readonly Theme _theme;
    private readonly ThemeTemplateLoader _loader;
    private readonly ScriptObject _builtins;
    private readonly ScriptObject _functions;
    private readonly TimeSpan _timeout;

    // Scriban indents every line a statement writes by the spaces before its {{ (AutoIndent). Where no template has such
    // spaces the indent is always empty, yet every write still went line by line looking for newlines (perf, 2,000-page
    // corpus: the template stage's IndexOf and one StringBuilder append per line). Such a theme renders pages with
    // AutoIndent off: same bytes, one append per write. A page that includes a template the theme did not compile (read
    // by the loader, its indents unknown) is rendered again with AutoIndent on, and so is every page after it.
    private volatile bool _autoIndent;

    /// <summary>The most characters a whole page may have, layout included: Scriban's own string limit.</summary>
    public const int MaxPageLength = 2 * Markdown.MarkdownRenderer.MaxHtmlLength;

    public TemplateRenderer(Theme theme, ScriptObject functions, TimeSpan? timeout = null)
    {
        _theme = theme;
        _loader = new ThemeTemplateLoader(theme);
        _builtins = WithDirectInclude(WithUnicodeEscape(new TemplateContext().BuiltinObject));
        _functions = functions;
        _timeout = timeout ?? TimeSpan.FromSeconds(10);
        _autoIndent = theme.HasIndentedStatements;
    }

    /// <summary>Scriban's builtins with <c>html.escape</c> escaping only what HTML needs escaped.</summary>
    /// <remarks>Scriban's own <c>html.escape</c> is <see cref="System.Net.WebUtility.HtmlEncode(string)"/>, which writes every
    /// letter from U+00A0 to U+00FF as a numeric reference: a Spanish title came out as <c>P&amp;#225;gina</c>. Pages are
    /// UTF-8, so letters stay letters; the five characters that can end a text or an attribute are escaped as before.</remarks>
    private static ScriptObject WithUnicodeEscape(ScriptObject builtins)
    {
        if (builtins["html"] is not ScriptObject scriban)
        {
            return builtins;
        }

        var html = new ScriptObject();
        foreach (var (name, value) in scriban)
        {
            html.SetValue(name, value, readOnly: true);
        }

        html.SetValue("escape", DelegateCustomFunction.CreateFunc<string?, string?>(HtmlText.Escape), readOnly: true);
        builtins.Remove("html");
        builtins.SetValue("html", html, readOnly: true);
        return builtins;
    }

    /// <summary>Scriban's builtins with <c>include</c> writing into its caller's output (see <see cref="DirectInclude"/>).</summary>
    private static ScriptObject WithDirectInclude(ScriptObject builtins)
    {
        if (builtins["include"] is IScriptCustomFunction scriban)
        {
            builtins.Remove("include");
            builtins.SetValue("include", new DirectInclude(scriban), readOnly: true);
        }

        return builtins;
    }

    /// <summary>Renders <paramref name="layout"/> with the given globals; null (with a diagnostic) when the template fails.</summary>
    public string? Render(string layout, ScriptObject globals, SourceSpan pageSpan, DiagnosticBag diagnostics)
    {
        var path = Theme.LayoutPath(layout);
        if (!_theme.Templates.TryGetValue(path, out var template))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LayoutMissing, pageSpan, $"The layout '{layout}' does not exist: expected {_theme.DisplayPathOf(path)}."));
            return null;
        }

        var state = t_state is { } current && ReferenceEquals(current.Owner, this) ? current : t_state = new RenderState(this, NewContext());
        var (context, cancel, output) = (state.Context, state.Cancel, state.Output);
        cancel.CancelAfter(_timeout);
        context.CancellationToken = cancel.Token;
        try
        {
            var autoIndent = _autoIndent;
            var html = RenderOnce(template, context, globals, autoIndent, output);
            if (!autoIndent && context.CachedTemplates.Count > _theme.Templates.Count)
            {
                _autoIndent = true;
                html = RenderOnce(template, context, globals, autoIndent: true, output);
            }

            if (!cancel.TryReset())
            {
                t_state = null;
            }

            if (html.Length > MaxPageLength)
            {
                // Past Scriban's string limit a page came out cut short or empty, with exit 0: the layout is at fault.
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PageTooLarge, new SourceSpan(_theme.DisplayPathOf(path), 1, 1), $"The layout made a page of {html.Length / (1024 * 1024)} MB from {pageSpan.File}, more than the {MaxPageLength / (1024 * 1024)} MB a page may be; the page was not written."));
                return null;
            }

            return html;
        }
        catch (ScriptRuntimeException ex)
        {
            t_state = null;

            // Scriban reports the timeout as a ScriptAbortException at the statement it was running.
            var message = cancel.IsCancellationRequested ? TimeoutMessage(pageSpan) : $"{ex.OriginalMessage} (while rendering {pageSpan.File})";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateRuntime, SpanOf(ex.Span, path), message));
            return null;
        }
        catch (OperationCanceledException)
        {
            t_state = null;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateRuntime, SpanOf(context.CurrentSpan, path), TimeoutMessage(pageSpan)));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidCastException or FormatException or OverflowException or ArithmeticException or NotSupportedException)
        {
            t_state = null;

            // A builtin that fails outside Scriban's own checks: still the template's fault, at the statement Scriban was running.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateRuntime, SpanOf(context.CurrentSpan, path), $"{ex.Message} (while rendering {pageSpan.File})"));
            return null;
        }
    }

    /// <param name="output">Where the page is written, left empty (Scriban's <see cref="Template.Render(TemplateContext)"/>
    /// empties it after taking the page).</param>
    private string RenderOnce(Template template, TemplateContext context, ScriptObject globals, bool autoIndent, StringBuilderOutput output)
    {
        context.Reset();
        foreach (var (key, compiled) in _theme.Templates)
        {
            context.CachedTemplates[key] = compiled;
        }

        context.AutoIndent = autoIndent;
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        output.Builder.Clear();
        context.PushOutput(output);
        try
        {
            return template.Render(context);
        }
        finally
        {
            context.PopOutput();
        }
    }

    /// <summary>Renders one partial on a context of its own (so it may run while a page renders on this thread), for
    /// fragments shared by every page; null with the reason in <paramref name="failure"/> when it fails.</summary>
    internal string? RenderPartial(string path, ScriptObject globals, out string? failure)
    {
        failure = null;
        if (!_theme.Templates.TryGetValue(path, out var template))
        {
            failure = $"The theme has no partial '{path}'.";
            return null;
        }

        var context = NewContext();
        foreach (var (key, compiled) in _theme.Templates)
        {
            context.CachedTemplates[key] = compiled;
        }

        using var cancel = new CancellationTokenSource(_timeout);
        context.CancellationToken = cancel.Token;
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or OperationCanceledException or ArgumentException or InvalidOperationException or InvalidCastException or FormatException or OverflowException or ArithmeticException or NotSupportedException)
        {
            failure = ex is ScriptRuntimeException runtime ? $"{_theme.DisplayPathOf(path)}: {runtime.OriginalMessage}" : $"{_theme.DisplayPathOf(path)}: {ex.Message}";
            return null;
        }
    }

    /// <summary>Renders <paramref name="layout"/> again, recording which template wrote each part of the output; null
    /// when it fails (the build already reported why).</summary>
    /// <remarks>A fresh context per call: tracing is only for pages with a finding to place, never the hot path.</remarks>
    public TemplateTrace? Trace(string layout, ScriptObject globals)
    {
        if (!_theme.Templates.TryGetValue(Theme.LayoutPath(layout), out var template))
        {
            return null;
        }

        var context = Configure(new TracingTemplateContext(_builtins));
        foreach (var (key, compiled) in _theme.Templates)
        {
            context.CachedTemplates[key] = compiled;
        }

        using var cancel = new CancellationTokenSource(_timeout);
        context.CancellationToken = cancel.Token;
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        var output = context.Output;
        try
        {
            // Render clears the output's builder, so the segments are taken from the output object, not its text.
            var html = template.Render(context);
            return new TemplateTrace(context.SegmentsOf(output), html);
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or OperationCanceledException or ArgumentException or InvalidOperationException or InvalidCastException or FormatException or OverflowException or ArithmeticException or NotSupportedException)
        {
            return null;
        }
    }

    private TemplateContext NewContext() => Configure(new TemplateContext(_builtins));

    private T Configure<T>(T context)
        where T : TemplateContext
    {
        context.TemplateLoader = _loader;
        context.MemberRenamer = StandardMemberRenamer.Default;
        context.StrictVariables = false;
        context.EnableRelaxedMemberAccess = true;
        context.LoopLimit = 100_000;
        context.RecursiveLimit = 64;
        context.ObjectRecursionLimit = 64;

        // Scriban silently cuts longer strings to this length and appends "...", so it must exceed any page's
        // content plus the layout around it (MarkdownRenderer refuses larger pages with a diagnostic).
        context.LimitToString = 2 * Markdown.MarkdownRenderer.MaxHtmlLength;

        // A few-megabyte page is fine; a template that writes gigabytes in its first second is not.
        context.OutputLimit = 4 * Markdown.MarkdownRenderer.MaxHtmlLength;
        context.RegexTimeOut = TimeSpan.FromSeconds(1);
        return context;
    }

    private string TimeoutMessage(SourceSpan pageSpan) =>
        $"Rendering {pageSpan.File} took longer than {_timeout.TotalSeconds:0.#} s; the template probably loops forever.";

    private sealed record RenderState(TemplateRenderer Owner, TemplateContext Context)
    {
        public CancellationTokenSource Cancel { get; } = new();

        /// <summary>Where this thread's pages are written, kept from page to page: a new output per page grew its builder
        /// block by block through every page's 24 KB, a tenth of what rendering allocated.</summary>
        public StringBuilderOutput Output { get; } = new(new System.Text.StringBuilder(1 << 15));
    }

    private SourceSpan SpanOf(Scriban.Parsing.SourceSpan span, string layoutPath)
    {
        var file = string.IsNullOrEmpty(span.FileName) ? layoutPath : span.FileName;
        return new SourceSpan(_theme.DisplayPathOf(file), span.Start.Line + 1, span.Start.Column + 1);
    }
}
