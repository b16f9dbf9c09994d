using System.Text;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>Reads <c>content/glossary.yml</c>: a list of <c>{term, aliases, definition}</c>.</summary>
internal static class GlossaryLoader
{
    public const string FileName = "glossary.yml";

    private static readonly string[] Keys = ["term", "aliases", "definition"];

    public static IReadOnlyList<GlossaryEntry> Load(string contentDir, string display, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var text = Content.SourceText.Read(path, display, diagnostics, contentDir);
        return text is null ? [] : Parse(text, display, diagnostics);
    }

    public static IReadOnlyList<GlossaryEntry> Parse(string text, string display, DiagnosticBag diagnostics)
    {
        var root = YamlSource.Load(text, display, 0, DiagnosticCodes.GlossaryInvalid, diagnostics);
        if (root is null || YamlSource.IsNull(root))
        {
            return [];
        }

        var values = new YamlValues(display, 0, DiagnosticCodes.GlossaryInvalid, diagnostics);
        if (root is not YamlSequenceNode list)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.GlossaryInvalid, values.Span(root), "glossary.yml must be a list of entries, each starting with '- term:'."));
            return [];
        }

        var entries = new List<GlossaryEntry>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Children)
        {
            if (values.Mapping("entry", item) is not { } map)
            {
                continue;
            }

            string? term = null, definition = null;
            IReadOnlyList<string> aliases = [];
            foreach (var (key, value) in Entries(map, values))
            {
                switch (key)
                {
                    case "term": term = values.Text(key, value)?.Trim(); break;
                    case "definition": definition = values.Text(key, value)?.Trim(); break;
                    case "aliases": aliases = values.StringList(key, value)?.Select(a => a.Trim()).Where(a => a.Length > 0).ToList() ?? []; break;
                }
            }

            var span = values.Span(item);
            if (string.IsNullOrEmpty(term) || string.IsNullOrEmpty(definition))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.GlossaryInvalid, span, $"A glossary entry needs both 'term' and 'definition'{(string.IsNullOrEmpty(term) ? string.Empty : $" ('{term}' has no definition)")}."));
                continue;
            }

            var duplicate = false;
            foreach (var word in aliases.Prepend(term))
            {
                if (seen.TryGetValue(word, out var first))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.GlossaryDuplicate, span, $"'{word}' is already in the glossary at line {first.Line}: each term and alias may appear once."));
                    duplicate = true;
                }
                else
                {
                    seen[word] = span;
                }
            }

            if (!duplicate)
            {
                entries.Add(new GlossaryEntry(IdOf(term), term, aliases, definition, span.Line, span.Column));
            }
        }

        return entries;
    }

    /// <summary>Lower-case letters and digits joined by single hyphens, as GitHub makes heading ids.</summary>
    public static string IdOf(string term)
    {
        var sb = new StringBuilder(term.Length);
        foreach (var c in term.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, YamlValues values)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalar)
            {
                continue;
            }

            if (!Keys.Contains(key, StringComparer.Ordinal))
            {
                values.UnknownKey(scalar, DiagnosticCodes.GlossaryInvalid, Keys, "a glossary entry");
                continue;
            }

            yield return (key, value);
        }
    }
}
