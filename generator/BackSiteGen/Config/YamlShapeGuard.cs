using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackSiteGen.Config;

/// <summary>Reads a YAML text event by event, before any node is built, and rejects shapes that could crash or
/// hang the build: nesting deeper than <see cref="MaxDepth"/>, aliases that expand to more than
/// <see cref="MaxExpandedNodes"/> values ("billion laughs"), aliases to undefined or unfinished anchors (a node
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
    public static (string Message, long Line, long Column)? Check(string text)
    {
        using var reader = new StringReader(text);
        var parser = new Parser(reader);
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);

        // One entry per open collection: its anchor and how many values it expands to so far.
        var open = new Stack<(string? Anchor, long Size)>();
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
                    open.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                    continue;
                case SequenceEnd or MappingEnd:
                    var (closedAnchor, closedSize) = open.Pop();
                    if (closedAnchor is not null)
                    {
                        anchors[closedAnchor] = closedSize;
                    }

                    size = closedSize;
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = 1;
                    }

                    size = 1;
                    total++;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out size))
                    {
                        return ($"The alias '*{alias.Value.Value}' refers to an anchor that is not defined before it, or that contains the alias itself.", current.Start.Line, current.Start.Column);
                    }

                    total += size;
                    break;
                default:
                    continue;
            }

            if (open.Count > 0)
            {
                var (parentAnchor, parentSize) = open.Pop();
                open.Push((parentAnchor, parentSize + size));
            }

            if (total > MaxExpandedNodes || size > MaxExpandedNodes)
            {
                return ($"The YAML expands to more than {MaxExpandedNodes} values through anchors and aliases.", current.Start.Line, current.Start.Column);
            }
        }

        return null;
    }

    // The core schema's own tags change nothing we read: "!!str 1" is still the text "1".
    private static bool IsPlainTag(NodeEvent node) =>
        node.Tag.Value is "tag:yaml.org,2002:str" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq";
}
