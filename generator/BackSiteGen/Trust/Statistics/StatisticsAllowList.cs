using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust.Statistics;

/// <summary>A page's front matter <c>statistics: { allow: [{ text, reason }] }</c>: sentences the writer has checked
/// and that may stand without a citation, each with the reason (as readability's own limit needs one).</summary>
internal sealed class StatisticsAllowList
{
    private readonly List<(string Text, bool Used)> _entries = [];
    private readonly SourceSpan _span;

    private StatisticsAllowList(SourceSpan span) => _span = span;

    public static StatisticsAllowList Read(Page page, DiagnosticBag diagnostics)
    {
        var file = page.Source.DisplayPath;
        var list = new StatisticsAllowList(page.FrontMatter.SpanOf("statistics", file));
        if (!page.FrontMatter.Values.TryGetValue("statistics", out var value) || value is not IReadOnlyDictionary<string, object?> statistics)
        {
            return list;
        }

        foreach (var key in statistics.Keys.Where(k => k != "allow"))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FrontMatterUnknownKey, list._span, $"Unknown key '{key}' in statistics: use 'allow: [{{ text: \"…\", reason: \"…\" }}]'."));
        }

        if (statistics.GetValueOrDefault("allow") is not { } allow)
        {
            return list;
        }

        if (allow is not IReadOnlyList<object?> entries)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterWrongType, list._span, "'statistics.allow' must be a list of { text, reason } entries."));
            return list;
        }

        foreach (var entry in entries)
        {
            var map = entry as IReadOnlyDictionary<string, object?>;
            var text = map?.GetValueOrDefault("text") as string;
            var reason = map?.GetValueOrDefault("reason") as string;
            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(reason))
            {
                var what = string.IsNullOrWhiteSpace(text) ? "no 'text' (words of the sentence it allows)" : $"no 'reason' for allowing \"{text}\" without a source";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.StatisticAllowWithoutReason, list._span, $"A statistics.allow entry has {what}: write {{ text: \"…\", reason: \"…\" }}."));
                continue;
            }

            list._entries.Add((Normalize(text), false));
        }

        return list;
    }

    /// <summary>True when an entry's text is part of the sentence; the entry is then used.</summary>
    public bool Allows(string sentence)
    {
        var normalized = Normalize(sentence);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (normalized.Contains(_entries[i].Text, StringComparison.OrdinalIgnoreCase))
            {
                _entries[i] = (_entries[i].Text, true);
                return true;
            }
        }

        return false;
    }

    /// <summary>Entries that allowed nothing: the sentence changed or went, and the exception should go with it.</summary>
    public void ReportUnused(DiagnosticBag diagnostics)
    {
        foreach (var (text, used) in _entries.Where(e => !e.Used))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.StatisticAllowUnused, _span, $"statistics.allow \"{text}\" matches no sentence with an unsourced statistic or dose on this page: remove it."));
        }
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Replace(Prose.ProseBlock.CitationMark, ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
