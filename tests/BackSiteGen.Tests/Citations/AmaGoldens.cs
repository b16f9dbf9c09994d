using BackSiteGen.Citations;
using BackSiteGen.Diagnostics;
using BackSiteGen.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Tests.Citations;

/// <summary>The entries of ama-goldens.yaml with their expected AMA HTML, pandoc's text and why they differ.</summary>
internal static class AmaGoldens
{
    public static readonly string FilePath = Path.Combine(Repository.Root, "tests", "BackSiteGen.Tests", "Citations", "ama-goldens.yaml");

    public sealed record Golden(Reference Reference, string Ama, string? Pandoc, string? Why);

    public static IReadOnlyList<Golden> All { get; } = Load();

    private static List<Golden> Load()
    {
        var text = File.ReadAllText(FilePath);
        var diagnostics = new DiagnosticBag();
        var bibliography = BibliographyLoader.Parse(text, "ama-goldens.yaml", diagnostics);
        if (diagnostics.ToSortedList().Count > 0 || bibliography.EntryProblems.Count > 0)
        {
            throw new InvalidOperationException("ama-goldens.yaml has problems: " + string.Join("; ", diagnostics.ToSortedList().Select(d => d.Message).Concat(bibliography.EntryProblems.Select(p => p.Diagnostic.Message))));
        }

        var yaml = new YamlStream();
        using (var reader = new StringReader(text))
        {
            yaml.Load(reader);
        }

        var entries = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["references"];
        var goldens = new List<Golden>();
        foreach (var entry in entries.Children.Cast<YamlMappingNode>())
        {
            string? Field(string name) => entry.Children.TryGetValue(new YamlScalarNode(name), out var v) ? ((YamlScalarNode)v).Value : null;
            var id = Field("id")!;
            goldens.Add(new Golden(bibliography.Find(id)!, Field("x-ama") ?? throw new InvalidOperationException($"{id} has no x-ama"), Field("x-pandoc"), Field("x-why")));
        }

        return goldens;
    }

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var golden in All)
        {
            data.Add(golden.Reference.Id);
        }

        return data;
    }
}
