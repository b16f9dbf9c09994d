using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Templates;

/// <summary>One language's user-visible words of the theme, from <c>themes/&lt;theme&gt;/i18n/&lt;code&gt;.yml</c>: a flat
/// mapping of keys to text that templates read with <c>t 'key'</c> and the generator with <see cref="Get"/>.</summary>
/// <remarks>A key the default language has and another language lacks is an error at load (BSG0903), and a key no
/// file has is a template error where it is asked for: a Spanish page never shows English words silently.</remarks>
public sealed class ThemeStrings
{
    public const string Folder = "i18n";

    /// <summary>What the generator itself writes (dates, care-card prefixes, the 404 page), for a theme without an
    /// i18n folder: the words every page had before themes carried their own.</summary>
    private static readonly Dictionary<string, string> BuiltInEnglish = new(StringComparer.Ordinal)
    {
        ["language_name"] = "English",
        ["date.format"] = "{day} {month} {year}",
        ["date.months"] = "January February March April May June July August September October November December",
        ["callout.note"] = "Note",
        ["callout.tip"] = "Tip",
        ["callout.did-you-know"] = "Did you know?",
        ["callout.warning"] = "Warning",
        ["care_card.immediate"] = "Immediate action required: ",
        ["care_card.urgent"] = "Urgent advice: ",
        ["care_card.non-urgent"] = "Non-urgent advice: ",
        ["not_found.title"] = "Page not found",
        ["not_found.description"] = "The page you asked for is not on this site.",
        ["topics.glossary_meaning"] = "Meaning in the glossary",
    };

    private readonly Dictionary<string, (string Text, int Line)> _strings;

    private ThemeStrings(string language, string displayPath, Dictionary<string, (string Text, int Line)> strings)
    {
        Language = language;
        DisplayPath = displayPath;
        _strings = strings;
    }

    public string Language { get; }

    /// <summary>The file as diagnostics print it.</summary>
    public string DisplayPath { get; }

    public IEnumerable<string> Keys => _strings.Keys;

    public bool Has(string key) => _strings.ContainsKey(key);

    public int LineOf(string key) => _strings.TryGetValue(key, out var entry) ? entry.Line : 1;

    /// <summary>The text of <paramref name="key"/>; throws for a key the file lacks, which the template renderer reports
    /// at the template statement that asked (every key the default language has is checked at load).</summary>
    public string Get(string key) =>
        _strings.TryGetValue(key, out var entry)
            ? entry.Text
            : throw new InvalidOperationException($"The theme string '{key}' is not in {DisplayPath}; add it there.");

    /// <summary>The text with <c>{name}</c> placeholders filled in.</summary>
    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = Get(key);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A date as this language writes it on review dates: "20 November 2026", "20 de noviembre de 2026".</summary>
    public string FormatDate(DateOnly date)
    {
        var months = Get("date.months").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var month = months.Length == 12 ? months[date.Month - 1] : date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Format("date.format", ("day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("month", month), ("year", date.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Reads the theme's strings for every edition's language. The default language falls back to built-in
    /// English only when the theme has no i18n folder at all (a theme written before languages existed).</summary>
    public static Dictionary<string, ThemeStrings> Load(Theme theme, IEnumerable<string> languages, string defaultLanguage, ISet<string> languagesWithPages, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, ThemeStrings>(StringComparer.Ordinal);
        var folder = Path.Combine(theme.Root, Folder);
        var hasFolder = Directory.Exists(folder);
        foreach (var language in languages)
        {
            var relative = $"{Folder}/{language}.yml";
            var display = theme.DisplayPathOf(relative);
            var path = Path.Combine(theme.Root, Folder, language + ".yml");
            if (!File.Exists(path) || FileKinds.Of(path, followLinks: true) != FileKind.Regular || !InputTree.IsInside(theme.RealRoot, Output.RealPath.Resolve(path)))
            {
                if (language == defaultLanguage && !hasFolder)
                {
                    result[language] = new ThemeStrings(language, display, BuiltInEnglish.ToDictionary(p => p.Key, p => (p.Value, 1), StringComparer.Ordinal));
                }
                else if (language == defaultLanguage || languagesWithPages.Contains(language))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThemeStringsMissing, SourceSpan.WholeFile(theme.DisplayPathOf(Folder)), $"The theme has no {display} for the language '{language}': copy {theme.DisplayPathOf($"{Folder}/{defaultLanguage}.yml")} and translate every value."));
                }

                continue;
            }

            var text = SourceText.Read(path, display, diagnostics) ?? string.Empty;
            result[language] = new ThemeStrings(language, display, Parse(text, display, diagnostics));
        }

        if (result.TryGetValue(defaultLanguage, out var source))
        {
            foreach (var (language, strings) in result.Where(r => r.Key != defaultLanguage && languagesWithPages.Contains(r.Key)))
            {
                foreach (var key in source.Keys.Where(k => !strings.Has(k)).Order(StringComparer.Ordinal))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThemeStringMissing, new SourceSpan(strings.DisplayPath, 1, 1), $"The theme string '{key}' ({source.DisplayPath} line {source.LineOf(key)}) is missing here: add its {language} text; pages never fall back to {defaultLanguage}."));
                }
            }
        }

        return result;
    }

    private static Dictionary<string, (string Text, int Line)> Parse(string text, string display, DiagnosticBag diagnostics)
    {
        var strings = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        var root = YamlSource.Load(text, display, 0, DiagnosticCodes.ThemeStringsInvalid, diagnostics);
        if (root is null || YamlSource.IsNull(root))
        {
            return strings;
        }

        if (root is not YamlMappingNode map)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThemeStringsInvalid, YamlSource.SpanOf(root, display, 0), "A theme i18n file must be a mapping of keys to text, such as 'find_a_topic: Find a topic'."));
            return strings;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            if (value is not YamlScalarNode { Value: { } textValue })
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThemeStringsInvalid, YamlSource.SpanOf(value, display, 0), $"The theme string '{key}' must be text."));
                continue;
            }

            strings[key] = (textValue, YamlSource.SpanOf(keyNode, display, 0).Line);
        }

        return strings;
    }
}
