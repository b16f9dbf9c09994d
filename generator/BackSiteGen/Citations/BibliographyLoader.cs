using System.Text.Json;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Citations;

/// <summary>Finds and reads the site's bibliography: CSL-YAML (pandoc's format) or CSL-JSON (a Zotero export).</summary>
public static class BibliographyLoader
{
    /// <summary>The names pandoc and Zotero users give the file, in the order we look for them.</summary>
    public static readonly string[] FileNames = ["references.yaml", "references.yml", "references.json"];

    public static Bibliography Load(string contentDir, string displayContentDir, DiagnosticBag diagnostics)
    {
        string? chosen = null;
        foreach (var name in FileNames)
        {
            if (!File.Exists(Path.Combine(contentDir, name)))
            {
                continue;
            }

            var display = Display(displayContentDir, name);
            if (chosen is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyTwice, SourceSpan.WholeFile(display), $"The site already has a bibliography in '{chosen}'; keep one of the two files."));
                continue;
            }

            chosen = display;
        }

        if (chosen is null)
        {
            return Bibliography.Empty;
        }

        var full = Path.Combine(contentDir, Path.GetFileName(chosen));
        var text = Content.SourceText.Read(full, chosen, diagnostics);
        return text is null ? new Bibliography([], chosen) : Parse(text, chosen, diagnostics);
    }

    /// <summary>Reads bibliography text; <paramref name="displayPath"/> ending in .json selects CSL-JSON.</summary>
    public static Bibliography Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        if (displayPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (!IsValidJson(text, displayPath, diagnostics))
            {
                return new Bibliography([], displayPath);
            }

            // JSON is YAML's flow syntax, so YamlDotNet reads it into the same node model, with every key's line and
            // column, and one reader serves both formats. Raw tabs can only be whitespace in valid JSON, and YAML
            // refuses tabs as indentation, so they become spaces (one for one: columns do not move).
            text = text.Replace('\t', ' ');
        }

        var root = YamlSource.Load(text, displayPath, 0, DiagnosticCodes.BibliographySyntax, diagnostics);
        var problems = new List<EntryProblem>();
        return new Bibliography(root is null ? [] : CslReader.Read(root, displayPath, diagnostics, problems), displayPath, problems);
    }

    /// <summary>YAML accepts more than JSON does; a .json file must be JSON, so System.Text.Json judges it first.</summary>
    private static bool IsValidJson(string text, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographySyntax, new SourceSpan(displayPath, line, column), $"Invalid JSON: {(cut > 0 ? message[..cut].TrimEnd() : message)}"));
            return false;
        }
    }

    private static string Display(string displayDir, string name) =>
        displayDir.Length == 0 || displayDir == "." ? name : displayDir.TrimEnd('/') + "/" + name;
}
