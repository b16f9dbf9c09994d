using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BackSiteGen.Templates;

/// <summary>Scriban's <c>include</c>, writing the partial straight into the output of the statement that includes it
/// instead of into a builder of its own whose text is then copied there.</summary>
/// <remarks>Scriban renders every include into a new <see cref="StringBuilderOutput"/>, makes a string of it and writes
/// that string into the caller's output: for the default theme's <c>base.html</c>, which wraps the whole page, that is
/// the page grown once in a builder of its own and copied twice (perf, 2,000-page corpus: the template stage allocated
/// 340 KB a page for 55 K characters of output). The bytes are the same whenever the include's result is what the
/// statement writes, unchanged: an include standing alone as a statement (not assigned, piped or returned), with output
/// on and no indent to apply (the renderer turns Scriban's automatic indent off for a theme without indented
/// statements). Anything else, and the tracing context, which maps each include's own output back to its template,
/// goes through Scriban's include as before.</remarks>
internal sealed class DirectInclude(IScriptCustomFunction scriban) : IScriptCustomFunction
{
    public int RequiredParameterCount => scriban.RequiredParameterCount;

    public int ParameterCount => scriban.ParameterCount;

    public ScriptVarParamKind VarParamKind => scriban.VarParamKind;

    public Type ReturnType => scriban.ReturnType;

    public ScriptParameterInfo GetParameterInfo(int index) => scriban.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (callerContext is not ScriptFunctionCall { Parent: ScriptExpressionStatement { CanOutput: true } } call
            || context is TracingTemplateContext
            || context.AutoIndent
            || context.CurrentIndent is not null
            || !context.EnableOutput
            || arguments.Count == 0)
        {
            return scriban.Invoke(context, callerContext, arguments, blockStatement);
        }

        // As Scriban's include and TemplateContext.RenderTemplate do, but into the caller's output.
        var name = context.ObjectToString(arguments[0]);
        if (context.GetTemplatePathFromName(name, call) is not { } path)
        {
            return null;
        }

        var template = context.GetOrCreateTemplate(path, call);
        context.EnterRecursive(call);
        var named = NamedArguments(context, call);
        context.PushOutput(new ForwardingOutput(context.Output));
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
            foreach (var (key, value) in named)
            {
                context.SetValue(ScriptVariable.Create(key, ScriptVariableScope.Local), value, asReadOnly: false, force: true);
            }

            template.Render(context);
        }
        finally
        {
            context.PopLocal();
            context.PopOutput();
            context.CurrentIndent = null;
            context.ExitRecursive(call);
        }

        return null;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        scriban.InvokeAsync(context, callerContext, arguments, blockStatement);

    /// <summary>The call's <c>name: value</c> arguments, evaluated in order, as the include's locals.</summary>
    private static List<KeyValuePair<string, object?>> NamedArguments(TemplateContext context, ScriptFunctionCall call)
    {
        var named = new List<KeyValuePair<string, object?>>(0);
        foreach (var argument in call.Arguments)
        {
            if (argument is ScriptNamedArgument { Name.Name: { } key, Value: { } value })
            {
                named.Add(new(key, value.Evaluate(context)));
            }
        }

        return named;
    }

    /// <summary>Hands every write to the caller's output. Not a <see cref="StringBuilderOutput"/>, so the template's
    /// render neither copies nor clears it, and reads as empty text.</summary>
    private sealed class ForwardingOutput(IScriptOutput target) : IScriptOutput
    {
        public void Write(string text, int offset, int count) => target.Write(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
            target.WriteAsync(text, offset, count, cancellationToken);

        public override string ToString() => string.Empty;
    }
}
