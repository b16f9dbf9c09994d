using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace BackSiteGen.Templates;

/// <summary>A template context that records, for every piece of output, the template text or expression that wrote it.</summary>
/// <remarks>Scriban writes literal text from a <see cref="ScriptRawStatement"/> (whose slice indexes the template's own
/// text) and expression results through <see cref="TemplateContext.Write(SourceSpan, object)"/>. An include or a
/// capture renders into an output of its own, which is later written into its caller's as one string (include) or as
/// the output object itself (capture); its segments are then copied into the caller's, shifted to where it landed.</remarks>
internal sealed class TracingTemplateContext(ScriptObject builtins) : TemplateContext(builtins)
{
    private readonly Dictionary<IScriptOutput, List<TemplateSegment>> _byOutput = new(ReferenceEqualityComparer.Instance);
    private readonly List<(IScriptOutput Output, int Length)> _finished = [];
    private SourceSpan _lastStatement;

    public List<TemplateSegment> SegmentsOf(IScriptOutput output) => _byOutput.TryGetValue(output, out var list) ? list : [];

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is ScriptRawStatement raw && EnableOutput && Output is StringBuilderOutput output)
        {
            var before = output.Builder.Length;
            var result = base.Evaluate(scriptNode, aliasReturnedFunction);
            var after = output.Builder.Length;
            if (after > before && raw.Text.FullText is { } text)
            {
                Add(output, new TemplateSegment(before, after, raw.Span.FileName ?? string.Empty, text, raw.Text.Index, 0, 0));
            }

            return result;
        }

        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (scriptNode is ScriptStatement)
        {
            // The block writes a statement's result right after evaluating it, under the block's own span.
            _lastStatement = scriptNode.Span;
        }

        return value;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (Output is not StringBuilderOutput output)
        {
            return base.Write(span, textAsObject);
        }

        var statement = _lastStatement.FileName is null ? span : _lastStatement;
        var before = output.Builder.Length;
        base.Write(span, textAsObject);
        var after = output.Builder.Length;
        if (after == before)
        {
            return this;
        }

        var nested = textAsObject switch
        {
            IScriptOutput captured when _byOutput.ContainsKey(captured) => captured,
            string text => FinishedOfLength(text.Length, output),
            _ => null,
        };
        if (nested is not null && !ReferenceEquals(nested, output))
        {
            // The expression itself first, so any part the nested output did not cover still maps to the include.
            Add(output, Expression(before, after, statement));
            foreach (var segment in _byOutput[nested])
            {
                Add(output, segment.Shifted(before));
            }
        }
        else
        {
            Add(output, Expression(before, after, statement));
        }

        return this;
    }

    private static TemplateSegment Expression(int start, int end, SourceSpan span) =>
        new(start, end, span.FileName ?? string.Empty, null, 0, span.Start.Line + 1, span.Start.Column + 1);

    /// <summary>An include's output is cleared once read, so it is found again by the length it had.</summary>
    private IScriptOutput? FinishedOfLength(int length, IScriptOutput current)
    {
        for (var i = _finished.Count - 1; i >= 0; i--)
        {
            var (output, end) = _finished[i];
            if (!ReferenceEquals(output, current) && end == length)
            {
                return output;
            }
        }

        return null;
    }

    private void Add(StringBuilderOutput output, TemplateSegment segment)
    {
        if (!_byOutput.TryGetValue(output, out var list))
        {
            _byOutput[output] = list = [];
        }

        list.Add(segment);
        var index = _finished.FindIndex(f => ReferenceEquals(f.Output, output));
        if (index >= 0)
        {
            _finished.RemoveAt(index);
        }

        _finished.Add((output, output.Builder.Length));
    }
}
