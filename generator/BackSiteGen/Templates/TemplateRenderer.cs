using BackSiteGen.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BackSiteGen.Templates;

/// <summary>Renders pages through the theme's compiled layouts, one fresh context per page.</summary>
public sealed class TemplateRenderer
{
    private readonly Theme _theme;
    private readonly ThemeTemplateLoader _loader;
    private readonly ScriptObject _builtins;
    private readonly ScriptObject _functions;
    private readonly TimeSpan _timeout;

    public TemplateRenderer(Theme theme, ScriptObject functions, TimeSpan? timeout = null)
    {
        _theme = theme;
        _loader = new ThemeTemplateLoader(theme);
        _builtins = new TemplateContext().BuiltinObject;
        _functions = functions;
        _timeout = timeout ?? TimeSpan.FromSeconds(10);
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

        using var cancel = new CancellationTokenSource(_timeout);
        var context = new TemplateContext(_builtins)
        {
            TemplateLoader = _loader,
            MemberRenamer = StandardMemberRenamer.Default,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            LoopLimit = 100_000,
            RecursiveLimit = 64,
            ObjectRecursionLimit = 64,
            LimitToString = 1_000_000,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            CancellationToken = cancel.Token,
        };
        foreach (var (key, compiled) in _theme.Templates)
        {
            context.CachedTemplates[key] = compiled;
        }

        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var file = string.IsNullOrEmpty(ex.Span.FileName) ? path : ex.Span.FileName;
            var span = new SourceSpan(_theme.DisplayPathOf(file), ex.Span.Start.Line + 1, ex.Span.Start.Column + 1);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateRuntime, span, $"{ex.OriginalMessage} (while rendering {pageSpan.File})"));
            return null;
        }
        catch (OperationCanceledException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateRuntime, new SourceSpan(_theme.DisplayPathOf(path), 1, 1), $"Rendering {pageSpan.File} took longer than {_timeout.TotalSeconds:0} s; the template probably loops forever."));
            return null;
        }
    }
}
