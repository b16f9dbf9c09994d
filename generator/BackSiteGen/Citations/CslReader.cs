using System.Globalization;
using System.Text.RegularExpressions;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Citations;

/// <summary>Turns CSL-YAML or CSL-JSON nodes into <see cref="Reference"/>s and reports every problem at its line.</summary>
/// <remarks>CSL has dozens of fields; Zotero exports many we never print. Unknown fields are ignored, not reported,
/// so an export works unedited.</remarks>
internal static partial class CslReader
{
    public static List<Reference> Read(YamlNode root, string displayPath, DiagnosticBag diagnostics)
    {
        var values = new YamlValues(displayPath, 0, DiagnosticCodes.BibliographyWrongType, diagnostics);
        var list = root switch
        {
            // pandoc's CSL-YAML: a mapping with a references list; CSL-JSON: the list itself.
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("references"), out var refs) => refs as YamlSequenceNode,
            YamlSequenceNode seq => seq,
            _ => null,
        };
        if (list is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(root), "The bibliography must be a 'references:' list (CSL-YAML) or a list of sources (CSL-JSON)."));
            return [];
        }

        var references = new List<Reference>(list.Children.Count);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode entry)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(node), "Each source must be a mapping of CSL fields (id, type, author, title, …)."));
                continue;
            }

            if (ReadEntry(entry, values, diagnostics) is not { } reference)
            {
                continue;
            }

            if (firstLine.TryGetValue(reference.Id, out var line))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceDuplicateId, reference.Span, $"The id '{reference.Id}' is already used by the source at line {line}; give each source its own id."));
                continue;
            }

            firstLine[reference.Id] = reference.Span.Line;
            references.Add(reference);
        }

        return references;
    }

    private static Reference? ReadEntry(YamlMappingNode entry, YamlValues values, DiagnosticBag diagnostics)
    {
        string? id = null, type = null, title = null, container = null, containerShort = null, volume = null, issue = null, page = null, doi = null, url = null, publisher = null, edition = null;
        ReferenceDate? issued = null, accessed = null;
        var badIssued = false;
        YamlNode? idNode = null, doiNode = null;
        var authors = new List<ReferenceAuthor>();
        foreach (var (keyNode, value) in entry.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "id":
                    (id, idNode) = (values.Text(key, value), value);
                    break;
                case "type":
                    type = values.Text(key, value);
                    break;
                case "author":
                    ReadAuthors(value, values, authors, diagnostics);
                    break;
                case "title":
                    title = values.Text(key, value);
                    break;
                case "container-title":
                    container = values.Text(key, value);
                    break;
                case "container-title-short" or "journalAbbreviation":
                    containerShort ??= values.Text(key, value);
                    break;
                case "issued":
                    issued = ReadDate(key, value, values, diagnostics);
                    badIssued = issued is null && !YamlSource.IsNull(value);
                    break;
                case "accessed":
                    accessed = ReadDate(key, value, values, diagnostics);
                    break;
                case "volume":
                    volume = values.Text(key, value);
                    break;
                case "issue":
                    issue = values.Text(key, value);
                    break;
                case "page":
                    page = values.Text(key, value);
                    break;
                case "DOI" or "doi":
                    (doi, doiNode) = (values.Text(key, value), value);
                    break;
                case "URL" or "url":
                    url = values.Text(key, value);
                    if (url is not null && Config.ValueShapes.WebUrl(url) is null)
                    {
                        // A reference's URL becomes a link in the list: only http and https (javascript: ran).
                        values.Report(DiagnosticCodes.ConfigUrlScheme, value, $"The URL '{url}' is not an http or https URL.");
                    }

                    url = Config.ValueShapes.WebUrl(url);
                    break;
                case "publisher":
                    publisher = values.Text(key, value);
                    break;
                case "edition":
                    edition = values.Text(key, value);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id) || idNode is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(entry), "This source has no 'id'; citations need one to name it."));
            return null;
        }

        var span = values.Span(idNode);
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceIncomplete, span, $"The source '{id}' has no title."));
        }

        if (issued is null && !badIssued)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceIncomplete, span, $"The source '{id}' has no year: add 'issued: {{date-parts: [[2024]]}}'."));
        }

        if (doi is not null && doiNode is not null && !DoiPattern().IsMatch(doi))
        {
            var hint = doi.Contains("doi.org/", StringComparison.OrdinalIgnoreCase) ? " Write the DOI alone, without https://doi.org/." : string.Empty;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReferenceDoiMalformed, values.Span(doiNode), $"The DOI '{doi}' of '{id}' is not of the form 10.<digits>/<suffix>.{hint}"));
        }

        return new Reference(id, type ?? "article-journal", authors, title, container, containerShort, issued, volume, issue, page, doi, url, accessed, publisher, edition, span);
    }

    private static void ReadAuthors(YamlNode node, YamlValues values, List<ReferenceAuthor> authors, DiagnosticBag diagnostics)
    {
        if (YamlSource.IsNull(node))
        {
            return;
        }

        if (node is not YamlSequenceNode list)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(node), "'author' must be a list of names, each with family and given, or literal."));
            return;
        }

        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } name })
            {
                authors.Add(ReferenceAuthor.Organisation(name));
                continue;
            }

            if (item is not YamlMappingNode person)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(item), "An author must be a name with family and given, or literal."));
                continue;
            }

            string? family = null, given = null, particle = null, suffix = null, literal = null;
            foreach (var (keyNode, value) in person.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "family":
                        family = values.Text(key, value);
                        break;
                    case "given":
                        given = values.Text(key, value);
                        break;
                    case "non-dropping-particle":
                        particle = values.Text(key, value);
                        break;
                    case "suffix":
                        suffix = values.Text(key, value);
                        break;
                    case "literal":
                        literal = values.Text(key, value);
                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(family) && string.IsNullOrWhiteSpace(literal))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(item), "An author needs a 'family' name or a 'literal' name."));
                continue;
            }

            authors.Add(new ReferenceAuthor(family, given, particle, suffix, literal));
        }
    }

    /// <summary>CSL dates: <c>{date-parts: [[2025, 9, 12]]}</c>, <c>{raw: 2025-09-12}</c>, or (pandoc) a plain <c>2025-09-12</c>.</summary>
    private static ReferenceDate? ReadDate(string key, YamlNode node, YamlValues values, DiagnosticBag diagnostics)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        ReferenceDate? date = node switch
        {
            YamlScalarNode { Value: { } text } => ParseDate(text),
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("date-parts"), out var parts) => FromParts(parts),
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("raw"), out var raw) && raw is YamlScalarNode { Value: { } text } => ParseDate(text),
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("literal"), out var lit) && lit is YamlScalarNode { Value: { } text } => ParseDate(text),
            _ => null,
        };
        if (date is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(node), $"'{key}' must be a date such as {{date-parts: [[2024, 3, 1]]}} or 2024-03-01."));
        }

        return date;
    }

    private static ReferenceDate? FromParts(YamlNode parts)
    {
        if (parts is not YamlSequenceNode { Children.Count: > 0 } outer || outer.Children[0] is not YamlSequenceNode { Children.Count: >= 1 and <= 3 } first)
        {
            return null;
        }

        var numbers = new int[first.Children.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (first.Children[i] is not YamlScalarNode { Value: { } s } || !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return Valid(numbers[0], numbers.Length > 1 ? numbers[1] : null, numbers.Length > 2 ? numbers[2] : null);
    }

    private static ReferenceDate? ParseDate(string text)
    {
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3)
        {
            return null;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return Valid(numbers[0], parts.Length > 1 ? numbers[1] : null, parts.Length > 2 ? numbers[2] : null);
    }

    private static ReferenceDate? Valid(int year, int? month, int? day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value))))
        {
            return null;
        }

        return new ReferenceDate(year, month, day);
    }

    /// <summary>Crossref's DOI shape: a 10. prefix of digits (with optional dotted sub-parts), a slash, a suffix.</summary>
    [GeneratedRegex(@"^10\.\d+(\.\d+)*/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();
}
