using Scriban.Runtime;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Templates;

/// <summary>A plain reading of <c>content/glossary.yml</c> for the glossary layout: entries with term, aliases,
/// definition and an anchor id, sorted A to Z.</summary>
/// <remarks>Deliberately minimal: the trust checks own the glossary's validation and set <c>site.glossary</c>
/// themselves; this only fills it in when nobody else has.</remarks>
internal static class SiteGlossary
{
    public static ScriptArray Read(string contentDir)
    {
        var entries = new List<ScriptObject>();
        var path = Path.Combine(contentDir, "glossary.yml");
        if (File.Exists(path))
        {
            var yaml = new YamlStream();
            try
            {
                using var reader = new StreamReader(path);
                yaml.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException)
            {
                return [];
            }

            if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlSequenceNode list)
            {
                foreach (var item in list.OfType<YamlMappingNode>())
                {
                    var term = Scalar(item, "term");
                    if (string.IsNullOrWhiteSpace(term))
                    {
                        continue;
                    }

                    var aliases = new ScriptArray();
                    if (item.Children.TryGetValue(new YamlScalarNode("aliases"), out var node) && node is YamlSequenceNode seq)
                    {
                        foreach (var alias in seq.OfType<YamlScalarNode>())
                        {
                            aliases.Add(alias.Value);
                        }
                    }

                    entries.Add(new ScriptObject
                    {
                        ["term"] = term,
                        ["id"] = Slug(term),
                        ["aliases"] = aliases,
                        ["definition"] = Scalar(item, "definition"),
                    });
                }
            }
        }

        var sorted = new ScriptArray();
        foreach (var entry in entries.OrderBy(e => e["term"] as string, StringComparer.OrdinalIgnoreCase))
        {
            sorted.Add(entry);
        }

        return sorted;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static string Slug(string term)
    {
        var chars = term.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
