using System.Globalization;
using BackSiteGen.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Config;

/// <summary>Reads typed values out of YAML nodes, reporting a wrong type at the value's own position.</summary>
public sealed class YamlValues(string displayPath, int lineOffset, string wrongTypeCode, DiagnosticBag diagnostics)
{
    public string DisplayPath => displayPath;

    public SourceSpan Span(YamlNode node) => YamlSource.SpanOf(node, displayPath, lineOffset);

    /// <summary>Reports an error at the node's own position.</summary>
    public void Report(string code, YamlNode node, string message) =>
        diagnostics.Add(Diagnostic.Error(code, Span(node), DiagnosticFormatter.Printable(message)));

    public string? Text(string key, YamlNode node)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode s)
        {
            return s.Value;
        }

        WrongType(key, node, "text");
        return null;
    }

    public int? Number(string key, YamlNode node)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        WrongType(key, node, "a whole number");
        return null;
    }

    public bool? Flag(string key, YamlNode node)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain } s)
        {
            switch (s.Value)
            {
                case "true" or "True" or "TRUE" or "yes" or "on":
                    return true;
                case "false" or "False" or "FALSE" or "no" or "off":
                    return false;
            }
        }

        WrongType(key, node, "true or false");
        return null;
    }

    public DateOnly? Date(string key, YamlNode node)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode s && s.Value is { } text)
        {
            // A date, optionally with a time that we ignore (YAML timestamps such as 2026-01-10T09:00:00Z).
            var datePart = text.Length > 10 && (text[10] == 'T' || text[10] == ' ') ? text[..10] : text;
            if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        WrongType(key, node, "a date written as YYYY-MM-DD");
        return null;
    }

    public IReadOnlyList<string>? StringList(string key, YamlNode node)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } single })
        {
            return [single];
        }

        if (node is YamlSequenceNode seq)
        {
            var list = new List<string>(seq.Children.Count);
            foreach (var child in seq.Children)
            {
                if (Text(key, child) is { } item)
                {
                    list.Add(item);
                }
            }

            return list;
        }

        WrongType(key, node, "a list of text");
        return null;
    }

    public YamlMappingNode? Mapping(string key, YamlNode node)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        if (node is YamlMappingNode m)
        {
            return m;
        }

        WrongType(key, node, "a mapping of keys to values");
        return null;
    }

    public void UnknownKey(YamlScalarNode keyNode, string code, IEnumerable<string> knownKeys, string where) =>
        diagnostics.Add(Diagnostic.Warning(code, Span(keyNode), $"Unknown key '{keyNode.Value}' in {where}.{BackSiteGen.Text.EditDistance.DidYouMean(keyNode.Value ?? string.Empty, knownKeys)}"));

    /// <summary>Turns a YAML node into plain values (text, lists, mappings) that templates can read.</summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalarNode s when YamlSource.IsNull(s) => null,
        YamlScalarNode s => PlainScalar(s),
        YamlSequenceNode seq => seq.Children.Select(ToPlain).ToList(),
        YamlMappingNode map => map.Children
            .Where(kv => kv.Key is YamlScalarNode)
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? string.Empty, kv => ToPlain(kv.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static object? PlainScalar(YamlScalarNode s)
    {
        if (s.Style != ScalarStyle.Plain || s.Value is null)
        {
            return s.Value;
        }

        if (long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return s.Value switch
        {
            "true" => true,
            "false" => false,
            _ => s.Value,
        };
    }

    private void WrongType(string key, YamlNode node, string expected) =>
        diagnostics.Add(Diagnostic.Error(wrongTypeCode, Span(node), $"'{key}' must be {expected}."));
}
