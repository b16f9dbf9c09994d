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
    /// <summary>Reads the sources. Problems of the file as a whole go to <paramref name="diagnostics"/>; problems of one
    /// entry go to <paramref name="entryProblems"/> with the entry's id, because they fail the build only when a page
    /// cites that entry (a Zotero export is full of entries no page cites).</summary>
    public static List<Reference> Read(YamlNode root, string displayPath, DiagnosticBag diagnostics, List<EntryProblem> entryProblems)
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

        var markdown = !displayPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var references = new List<Reference>(list.Children.Count);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode entry)
            {
                entryProblems.Add(new EntryProblem(null, Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(node), "Each source must be a mapping of CSL fields (id, type, author, title, …).")));
                continue;
            }

            var bag = new DiagnosticBag();
            var reference = ReadEntry(entry, new YamlValues(displayPath, 0, DiagnosticCodes.BibliographyWrongType, bag), markdown, bag);
            var id = reference?.Id;
            foreach (var problem in bag.ToSortedList())
            {
                if (problem.Severity == Severity.Error)
                {
                    entryProblems.Add(new EntryProblem(id, problem));
                }
                else
                {
                    diagnostics.Add(problem);
                }
            }

            if (reference is null)
            {
                continue;
            }

            if (firstLine.TryGetValue(reference.Id, out var line))
            {
                entryProblems.Add(new EntryProblem(reference.Id, Diagnostic.Error(DiagnosticCodes.ReferenceDuplicateId, reference.Span, $"The id '{reference.Id}' is already used by the source at line {line}; give each source its own id.")));
                continue;
            }

            firstLine[reference.Id] = reference.Span.Line;
            references.Add(reference);
        }

        return references;
    }

    private static Reference? ReadEntry(YamlMappingNode entry, YamlValues values, bool markdown, DiagnosticBag diagnostics)
    {
        string? id = null, type = null, title = null, container = null, containerShort = null, volume = null, issue = null, page = null, doi = null, url = null, publisher = null, edition = null;
        string? collection = null, collectionNumber = null, volumes = null, chapter = null, number = null, genre = null, place = null, authority = null, section = null, version = null, medium = null, status = null;
        ReferenceDate? issued = null, accessed = null, original = null, available = null;
        var badIssued = false;
        YamlNode? idNode = null, doiNode = null, titleNode = null, containerNode = null, collectionNode = null;
        var authors = new List<ReferenceAuthor>();
        var editors = new List<ReferenceAuthor>();
        var containerAuthors = new List<ReferenceAuthor>();
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
                    ReadNames(key, value, values, authors, diagnostics);
                    break;
                case "editor":
                    ReadNames(key, value, values, editors, diagnostics);
                    break;
                case "container-author":
                    ReadNames(key, value, values, containerAuthors, diagnostics);
                    break;
                case "title":
                    (title, titleNode) = (values.Text(key, value), value);
                    break;
                case "container-title":
                    (container, containerNode) = (values.Text(key, value), value);
                    break;
                case "container-title-short" or "journalAbbreviation":
                    containerShort ??= values.Text(key, value);
                    break;
                case "collection-title":
                    (collection, collectionNode) = (values.Text(key, value), value);
                    break;
                case "collection-number":
                    collectionNumber = values.Text(key, value);
                    break;
                case "issued":
                    issued = ReadDate(key, value, values, diagnostics);
                    badIssued = issued is null && !YamlSource.IsNull(value);
                    break;
                case "accessed":
                    accessed = ReadDate(key, value, values, diagnostics);
                    break;
                case "original-date":
                    original = ReadDate(key, value, values, diagnostics);
                    break;
                case "available-date":
                    available = ReadDate(key, value, values, diagnostics);
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
                case "number-of-volumes":
                    volumes = values.Text(key, value);
                    break;
                case "chapter-number":
                    chapter = values.Text(key, value);
                    break;
                case "number":
                    number = values.Text(key, value);
                    break;
                case "genre":
                    genre = values.Text(key, value);
                    break;
                case "DOI" or "doi":
                    (doi, doiNode) = (values.Text(key, value), value);
                    break;
                case "URL" or "url":
                    url = values.Text(key, value);
                    break;
                case "publisher":
                    publisher = values.Text(key, value);
                    break;
                case "publisher-place":
                    place = values.Text(key, value);
                    break;
                case "edition":
                    edition = values.Text(key, value);
                    break;
                case "authority":
                    authority = values.Text(key, value);
                    break;
                case "section":
                    section = values.Text(key, value);
                    break;
                case "version":
                    version = values.Text(key, value);
                    break;
                case "medium":
                    medium = values.Text(key, value);
                    break;
                case "status":
                    status = values.Text(key, value);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id) || idNode is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(entry), "This source has no 'id'; citations need one to name it."));
            return null;
        }

        type ??= "article-journal";
        var span = values.Span(idNode);
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceIncomplete, span, $"The source '{id}' has no title."));
        }

        // A web page or database topic may have no date (AMA then relies on the date accessed); a journal article or
        // book without a year cannot be found again.
        if (issued is null && !badIssued && !IsOnline(type))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceIncomplete, span, $"The source '{id}' has no year: add 'issued: {{date-parts: [[2024]]}}'."));
        }

        if (doi is not null && doiNode is not null && !DoiPattern().IsMatch(doi) && !ShortDoiPattern().IsMatch(doi))
        {
            var hint = doi.Contains("doi.org/", StringComparison.OrdinalIgnoreCase) ? " Write the DOI alone, without https://doi.org/." : string.Empty;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReferenceDoiMalformed, values.Span(doiNode), $"The DOI '{doi}' of '{id}' is not of the form 10.<digits>/<suffix>.{hint}"));
        }

        var richTitle = Rich(title, titleNode, markdown, values, diagnostics);
        var richContainer = Rich(container, containerNode, markdown, values, diagnostics);
        var richCollection = Rich(collection, collectionNode, markdown, values, diagnostics);
        return new Reference(id, type, authors, richTitle?.Plain ?? title, richContainer?.Plain ?? container, containerShort, issued, volume, issue, page, doi, url, accessed, publisher, edition, span)
        {
            RichTitle = richTitle,
            RichContainerTitle = richContainer,
            CollectionTitle = richCollection,
            CollectionNumber = collectionNumber,
            Editors = editors,
            ContainerAuthors = containerAuthors,
            NumberOfVolumes = volumes,
            ChapterNumber = chapter,
            Number = number,
            Genre = genre,
            PublisherPlace = place,
            Authority = authority,
            Section = section,
            Version = version,
            Medium = medium,
            Status = status,
            OriginalDate = original,
            AvailableDate = available,
        };
    }

    internal static bool IsOnline(string type) => type is "webpage" or "post" or "post-weblog" or "entry" or "entry-encyclopedia" or "entry-dictionary" or "dataset" or "software";

    private static RichText? Rich(string? text, YamlNode? node, bool markdown, YamlValues values, DiagnosticBag diagnostics)
    {
        if (text is null || node is null)
        {
            return null;
        }

        var rich = RichText.Parse(text, markdown, out var problem);
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReferenceMarkup, values.Span(node), $"In '{CitationParserShort(text)}': {problem}."));
        }

        return rich;
    }

    private static string CitationParserShort(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static void ReadNames(string field, YamlNode node, YamlValues values, List<ReferenceAuthor> authors, DiagnosticBag diagnostics)
    {
        if (YamlSource.IsNull(node))
        {
            return;
        }

        if (node is not YamlSequenceNode list)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(node), $"'{field}' must be a list of names, each with family and given, or literal."));
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
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(item), "A name must have family and given, or literal."));
                continue;
            }

            string? family = null, given = null, particle = null, dropping = null, suffix = null, literal = null;
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
                    case "dropping-particle":
                        dropping = values.Text(key, value);
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
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(item), "A name needs a 'family' name or a 'literal' name."));
                continue;
            }

            authors.Add(new ReferenceAuthor(family, given, particle, suffix, literal) { DroppingParticle = dropping });
        }
    }

    /// <summary>Every date shape Zotero, Better BibTeX and pandoc write: <c>{date-parts: [[2025, 9, 12]]}</c> (numbers or
    /// strings, a second part for a range, months 13-16 or 21-24 for seasons), <c>season</c>, <c>circa</c>, <c>raw</c>,
    /// <c>literal</c>; Better BibTeX's CSL-YAML list of <c>{year, month, day}</c> maps; pandoc's EDTF text
    /// (<c>2025-09-12</c>, <c>2014-12-31/2015-01-01</c>, <c>2020-21</c>, <c>2020~</c>).</summary>
    private static ReferenceDate? ReadDate(string key, YamlNode node, YamlValues values, DiagnosticBag diagnostics)
    {
        if (YamlSource.IsNull(node))
        {
            return null;
        }

        var date = node switch
        {
            YamlScalarNode { Value: { } text } => ParseText(text, literalIfNot: false),
            YamlMappingNode map => FromMap(map),
            YamlSequenceNode { Children.Count: 1 or 2 } list when list.Children.All(c => c is YamlMappingNode) => FromMapList(list),
            _ => null,
        };
        if (date is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BibliographyWrongType, values.Span(node), $"'{key}' must be a date such as {{date-parts: [[2024, 3, 1]]}}, 2024-03-01, [{{year: 2024, month: 3}}] or {{literal: …}}."));
        }

        return date;
    }

    private static ReferenceDate? FromMap(YamlMappingNode map)
    {
        string? Scalar(string name) => map.Children.TryGetValue(new YamlScalarNode(name), out var v) && v is YamlScalarNode { Value: { } s } ? s : null;
        var circa = Scalar("circa") is { } c && c is not ("false" or "0" or "");
        var season = Season(Scalar("season"));
        ReferenceDate? date = null;
        if (map.Children.TryGetValue(new YamlScalarNode("date-parts"), out var parts))
        {
            date = FromParts(parts);
        }
        else if (Scalar("year") is not null)
        {
            date = FromFields(map);
        }
        else if (Scalar("raw") is { } raw)
        {
            date = ParseText(raw, literalIfNot: true);
        }
        else if (Scalar("literal") is { } literal)
        {
            date = ParseText(literal, literalIfNot: true) is { Literal: null } parsed && literal.Trim().Length <= 10 ? parsed : new ReferenceDate(YearIn(literal), null, null) { Literal = literal.Trim() };
        }

        if (date is null)
        {
            return null;
        }

        if (season is not null && date.Season is null && date.Month is null)
        {
            date = date with { Season = season };
        }

        return circa ? date with { Circa = true } : date;
    }

    private static ReferenceDate? FromMapList(YamlSequenceNode list)
    {
        var start = FromFields((YamlMappingNode)list.Children[0]);
        if (start is null || list.Children.Count == 1)
        {
            return start;
        }

        var end = FromFields((YamlMappingNode)list.Children[1]);
        return end is null ? null : start with { End = end };
    }

    /// <summary>Better BibTeX's CSL-YAML date: <c>{year: 2014, month: 12, day: 31}</c> or <c>{year: 2017, season: 2}</c>.</summary>
    private static ReferenceDate? FromFields(YamlMappingNode map)
    {
        int? Number(string name) => map.Children.TryGetValue(new YamlScalarNode(name), out var v) && v is YamlScalarNode { Value: { } s } && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (Number("year") is not { } year)
        {
            return null;
        }

        var season = map.Children.TryGetValue(new YamlScalarNode("season"), out var sv) && sv is YamlScalarNode { Value: { } st } ? Season(st) : null;
        var date = Valid(year, Number("month"), Number("day"));
        return date is not null && season is not null ? date with { Season = season } : date;
    }

    private static ReferenceDate? FromParts(YamlNode parts)
    {
        if (parts is not YamlSequenceNode { Children.Count: 1 or 2 } outer)
        {
            return null;
        }

        var start = Part(outer.Children[0]);
        if (start is null || outer.Children.Count == 1)
        {
            return start;
        }

        var end = Part(outer.Children[1]);
        if (outer.Children[1] is YamlSequenceNode { Children.Count: 0 } || end is { Year: 0, Month: null })
        {
            return start; // an open-ended range, [[2014, 12, 31], [0]] or [[2014, 12, 31], []]
        }

        return end is null ? null : start with { End = end };
    }

    private static ReferenceDate? Part(YamlNode node)
    {
        if (node is not YamlSequenceNode { Children.Count: >= 1 and <= 3 } part)
        {
            return null;
        }

        var numbers = new int[part.Children.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (part.Children[i] is not YamlScalarNode { Value: { } s } || !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return Valid(numbers[0], numbers.Length > 1 ? numbers[1] : null, numbers.Length > 2 ? numbers[2] : null);
    }

    /// <summary>pandoc's EDTF subset, then a few common written forms ("September 12, 2025", "12 September 2025"); with
    /// <paramref name="literalIfNot"/>, other text is kept as written (CSL's raw and literal dates).</summary>
    private static ReferenceDate? ParseText(string text, bool literalIfNot)
    {
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var start = ParseEdtf(trimmed[..slash]);
            var end = ParseEdtf(trimmed[(slash + 1)..]);
            if (start is not null && end is not null)
            {
                return start with { End = end };
            }
        }
        else if (ParseEdtf(trimmed) is { } edtf)
        {
            return edtf;
        }

        string[] formats = ["MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM yyyy", "MMM yyyy", "yyyy/M/d", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss"];
        if (DateTime.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            var hasDay = !trimmed.Contains(' ', StringComparison.Ordinal) || char.IsDigit(trimmed[0]) || trimmed.Contains(',', StringComparison.Ordinal);
            return new ReferenceDate(parsed.Year, parsed.Month, hasDay ? parsed.Day : null);
        }

        return literalIfNot && trimmed.Length > 0 ? new ReferenceDate(YearIn(trimmed), null, null) { Literal = trimmed } : null;
    }

    private static ReferenceDate? ParseEdtf(string text)
    {
        var circa = text.EndsWith('~') || text.EndsWith('?') || text.EndsWith('%');
        text = text.TrimEnd('~', '?', '%');
        var negative = text.StartsWith('-');
        var parts = (negative ? text[1..] : text).Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length is < 1 or > 4)
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

        var date = Valid(negative ? -numbers[0] : numbers[0], parts.Length > 1 ? numbers[1] : null, parts.Length > 2 ? numbers[2] : null);
        return date is not null && circa ? date with { Circa = true } : date;
    }

    /// <summary>Month 13-16 and 21-24 are seasons (CSL-JSON's and EDTF's pseudo-months).</summary>
    private static ReferenceDate? Valid(int year, int? month, int? day)
    {
        if (year is < -9999 or > 9999)
        {
            return null;
        }

        if (month is >= 13 and <= 16 or >= 21 and <= 24)
        {
            return day is null ? new ReferenceDate(year, null, null) { Season = month.Value % 4 == 0 ? 4 : month.Value % 4 } : null;
        }

        if (month is < 1 or > 12 || (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(2000, month.Value))))
        {
            return null;
        }

        return new ReferenceDate(year, month, day);
    }

    private static int? Season(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "1" or "spring" => 1,
        "2" or "summer" => 2,
        "3" or "autumn" or "fall" => 3,
        "4" or "winter" => 4,
        _ => null,
    };

    private static int YearIn(string text)
    {
        var match = YearPattern().Match(text);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    /// <summary>shortDOI (<c>10/fqd6hj</c>): AMA accepts it, and doi.org resolves it.</summary>
    [GeneratedRegex(@"^10/[a-z0-9]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ShortDoiPattern();

    /// <summary>Crossref's DOI shape: a 10. prefix of digits (with optional dotted sub-parts), a slash, a suffix.</summary>
    [GeneratedRegex(@"^10\.\d+(\.\d+)*/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();
}
