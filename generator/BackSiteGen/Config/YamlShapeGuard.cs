using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackSiteGen.Config;

/// <summary>Reads a YAML text event by event, before any node is built, and rejects shapes that could crash or
/// hang the build: nesting deeper than <see cref="MaxDepth"/>, aliases that expand to more than
/// <see cref="MaxExpandedNodes"/> values ("billion laughs"; only values reached through aliases count), aliases to undefined or unfinished anchors (a node
/// that contains itself would make every later walk endless), and explicit tags.</summary>
/// <remarks>YamlDotNet builds its node model recursively, so thousands of nested '[' would overflow the stack, which
/// .NET cannot catch; its parser is iterative, so this pass is safe on any input. We never deserialize into .NET
/// types, but a tag such as <c>!!binary</c> or <c>!ruby/object</c> still means the writer expects something we do not
/// do, so it is reported rather than silently read as text.</remarks>
public static class YamlShapeGuard
{
    public const int MaxDepth = 64;
    public const int MaxExpandedNodes = 10_000;

    /// <summary>Null when the text is safe to load, else the problem and where it is (1-based within the text).</summary>
    /// <exception cref="YamlException">The text is not valid YAML; the caller reports it.</exception>
    public static (string Message, long Line, long Column)? Check(string text) => Check(text, events: null);

    /// <summary>As <see cref="Check(string)"/>, and adds every event read to <paramref name="events"/> so that the
    /// caller can build the node model from them instead of parsing the text a second time.</summary>
    public static (string Message, long Line, long Column)? Check(string text, ICollection<ParsingEvent>? events)
    {
        using var reader = new StringReader(text);
        var parser = new Parser(reader);

        // Front matter seldom has anchors, so the table is made on the first one.
        Dictionary<string, long>? anchors = null;

        // One entry per open collection: its anchor and how many values it expands to so far.
        var open = new OpenCollections();
        long total = 0;
        var (line, column) = (1L, 1L);
        while (true)
        {
            try
            {
                if (!parser.MoveNext())
                {
                    break;
                }
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet 18 throws this, not a YamlException, for some unclosed flow collections ("title: [T").
                return ("Invalid YAML: a '[', '{' or quote opened here is never closed.", line, column);
            }

            var current = parser.Current!;
            events?.Add(current);
            (line, column) = (current.Start.Line, current.Start.Column);
            if (current is NodeEvent { Tag.IsEmpty: false, Tag.IsNonSpecific: false } tagged && !IsPlainTag(tagged))
            {
                return ($"The YAML tag '{tagged.Tag.Value}' is not supported; remove it and write the value as plain text.", current.Start.Line, current.Start.Column);
            }

            long size;
            switch (current)
            {
                case SequenceStart or MappingStart:
                    if (open.Count >= MaxDepth)
                    {
                        return ($"The YAML is nested more than {MaxDepth} levels deep.", current.Start.Line, current.Start.Column);
                    }

                    var anchor = ((NodeEvent)current).Anchor;
                    open.Push(anchor.IsEmpty ? null : anchor.Value);
                    continue;
                case SequenceEnd or MappingEnd:
                    var (closedAnchor, closedSize) = open.Pop();
                    if (closedAnchor is not null)
                    {
                        (anchors ??= new Dictionary<string, long>(StringComparer.Ordinal))[closedAnchor] = closedSize;
                    }

                    size = closedSize;
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        (anchors ??= new Dictionary<string, long>(StringComparer.Ordinal))[scalar.Anchor.Value] = 1;
                    }

                    // Plain values are not counted: a 500-entry bibliography or a 2,000-term glossary is data, not a bomb.
                    size = 1;
                    break;
                case AnchorAlias alias:
                    if (anchors is null || !anchors.TryGetValue(alias.Value.Value, out size))
                    {
                        return ($"The alias '*{alias.Value.Value}' refers to an anchor that is not defined before it, or that contains the alias itself.", current.Start.Line, current.Start.Column);
                    }

                    total += size;
                    break;
                default:
                    continue;
            }

            open.AddToInnermost(size);
            if (total > MaxExpandedNodes)
            {
                return ($"The YAML expands to more than {MaxExpandedNodes} values through anchors and aliases.", current.Start.Line, current.Start.Column);
            }
        }

        return null;
    }

    // The core schema's own tags change nothing we read: "!!str 1" is still the text "1".
    private static bool IsPlainTag(NodeEvent node) =>
        node.Tag.Value is "tag:yaml.org,2002:str" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq";

    /// <summary>The open collections, innermost last. A plain array: the guard runs once per page, and a stack of
    /// tuples had to pop and push the parent to add to its size.</summary>
    private struct OpenCollections
    {
        private (string? Anchor, long Size)[]? _items;

        public int Count { get; private set; }

        public void Push(string? anchor)
        {
            _items ??= new (string?, long)[4];
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, Count * 2);
            }

            _items[Count++] = (anchor, 1);
        }

        public (string? Anchor, long Size) Pop() => _items![--Count];

        public readonly void AddToInnermost(long size)
        {
            if (Count > 0)
            {
                _items![Count - 1].Size += size;
            }
        }
    }
}
