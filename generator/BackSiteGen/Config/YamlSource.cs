using BackSiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Config;

/// <summary>Loads YAML into YamlDotNet's node model, which keeps every key's line and column.</summary>
/// <remarks>We read the node model by hand instead of deserializing so that every wrong type or unknown key
/// is reported at the exact line a writer must fix, and so that no YAML tag can ever build a .NET object.</remarks>
public static class YamlSource
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="lineOffset"/> is added to YamlDotNet's 1-based line numbers.</summary>
    public static YamlNode? Load(string text, string displayPath, int lineOffset, string syntaxCode, DiagnosticBag diagnostics)
    {
        try
        {
            // Most front matter is a flat list of keys, read without YamlDotNet's scanner; it needs no guard (one level,
            // no anchors, aliases or tags). Anything else is read by the guard, and the node model is built from the
            // events the guard read, so that the text is scanned once, not twice.
            var events = new List<ParsingEvent>();
            if (!FlatMappingReader.TryRead(text, events))
            {
                events.Clear();
                if (YamlShapeGuard.Check(text, events) is { } problem)
                {
                    diagnostics.Add(Diagnostic.Error(syntaxCode, new SourceSpan(displayPath, (int)problem.Line + lineOffset, Math.Max(1, (int)problem.Column)), problem.Message));
                    return null;
                }
            }

            var stream = new YamlStream();
            stream.Load(new RecordedEvents(events));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            // Duplicate keys, undefined aliases and syntax errors all arrive here with their position.
            var line = (int)ex.Start.Line + lineOffset;
            var column = Math.Max(1, (int)ex.Start.Column);
            diagnostics.Add(Diagnostic.Error(syntaxCode, new SourceSpan(displayPath, line, column), $"Invalid YAML: {CleanMessage(ex)}"));
            return null;
        }
    }

    public static SourceSpan SpanOf(YamlNode node, string displayPath, int lineOffset) =>
        new(displayPath, (int)node.Start.Line + lineOffset, Math.Max(1, (int)node.Start.Column));

    /// <summary>True for an empty document or a bare <c>~</c>/<c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>Plays back events already read, so that <see cref="YamlStream"/> can build its nodes from them.</summary>
    private sealed class RecordedEvents(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            // Like YamlDotNet's parser: no current event once the stream has ended.
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we print our own position.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
