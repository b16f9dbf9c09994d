using System.Text.RegularExpressions;

namespace BackSiteGen.Markdown.Glossary;

/// <summary>The site's glossary: its entries, where the glossary page is, and one compiled matcher for every term and alias.</summary>
public sealed class Glossary
{
    private readonly Dictionary<string, GlossaryEntry> _byWord;

    public Glossary(IReadOnlyList<GlossaryEntry> entries, string displayPath, string? pageUrl, string? pageSource)
    {
        Entries = entries.OrderBy(e => e.Term, Text.Alphabetical.Instance).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        DisplayPath = displayPath;
        PageUrl = pageUrl;
        PageSource = pageSource;
        _byWord = new Dictionary<string, GlossaryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries)
        {
            foreach (var word in entry.Aliases.Prepend(entry.Term))
            {
                _byWord.TryAdd(word, entry);
            }
        }

        // Longest first, so "basivertebral nerve ablation" wins over "basivertebral nerve" at the same place.
        // Whole words only: no letter or digit may touch either end.
        var alternatives = _byWord.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape);
        Matcher = _byWord.Count == 0
            ? null
            : new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Sorted by term, as the glossary page lists them.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>glossary.yml as diagnostics print it.</summary>
    public string DisplayPath { get; }

    /// <summary>The URL of the page with <c>layout: glossary</c>, base path included; null when there is none (terms are then not linked).</summary>
    public string? PageUrl { get; }

    /// <summary>The glossary page's source path, which is never linked to itself.</summary>
    public string? PageSource { get; }

    internal Regex? Matcher { get; }

    internal GlossaryEntry EntryFor(string word) => _byWord[word];
}
