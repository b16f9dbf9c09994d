using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Trust.Prose;

namespace BackSiteGen.Trust.Statistics;

/// <summary>Every statistic a reader sees has its source in the same sentence (or list item, or heading), and a page
/// that gives doses says where they come from.</summary>
internal static class StatisticsCheck
{
    private static readonly string[] ExerciseDoseKeys = ["reps", "hold", "how_often"];

    public static void Check(IReadOnlyList<ProseBlock> blocks, Page page, DiagnosticBag diagnostics)
    {
        var allow = StatisticsAllowList.Read(page, diagnostics);
        SourceSpan? firstDose = null;
        string? firstDoseText = null;
        var doseSections = new HashSet<int>();
        var sourcedSections = new HashSet<int>();
        foreach (var block in blocks)
        {
            if (block.Text.Contains(ProseBlock.CitationMark, StringComparison.Ordinal) || block.HasFragmentLink)
            {
                sourcedSections.Add(block.Section);
            }

            // A sentence is part of its block: a block with no number or number word has no statistic or dose in
            // any of its sentences, so one scan of the block spares a scan of each sentence (most blocks).
            var scan = StatisticPatterns.ScanBlock(block.Text, page.Language);
            if (!scan.MayHoldNumber)
            {
                continue;
            }

            foreach (var range in block.Sentences())
            {
                var sentence = block.Text[range];
                var cited = sentence.Contains(ProseBlock.CitationMark, StringComparison.Ordinal);
                var statistic = StatisticPatterns.FirstStatistic(sentence, page.Language, scan);
                if (statistic.Success && !cited && !allow.Allows(sentence))
                {
                    var span = block.SpanAt(range.Start.Value + statistic.Index);
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.StatisticWithoutSource, span, $"'{statistic.Value}' is a statistic with no source in its sentence (\"{Excerpt(sentence)}\"): cite it there ([@key]), or allow the sentence with a reason in the front matter: statistics: {{ allow: [{{ text: \"…\", reason: \"…\" }}] }}."));
                }

                var dose = StatisticPatterns.FirstDose(sentence, page.Language, scan);
                if (dose.Success)
                {
                    doseSections.Add(block.Section);
                    if (firstDose is null && !allow.Allows(sentence))
                    {
                        firstDose = block.SpanAt(range.Start.Value + dose.Index);
                        firstDoseText = dose.Value;
                    }
                }
            }
        }

        var exerciseDose = page.FrontMatter.Values.GetValueOrDefault("exercise") is IReadOnlyDictionary<string, object?> exercise && ExerciseDoseKeys.Any(exercise.ContainsKey);
        var hasDoses = doseSections.Count > 0 || exerciseDose;
        var sourced = doseSections.Count > 0 ? doseSections.Overlaps(sourcedSections) : sourcedSections.Count > 0;
        if (hasDoses && !sourced && (firstDose is not null || doseSections.Count == 0))
        {
            var span = firstDose ?? page.FrontMatter.SpanOf("exercise", page.Source.DisplayPath);
            var what = firstDoseText is null ? "The exercise's reps, hold and how often" : $"Doses such as '{firstDoseText}'";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.DoseWithoutSource, span, $"{what} are instructions, and the page does not say where they come from: cite the source in the section that gives them, or link from there to where the amounts are explained ([where these amounts come from](index.md#…))."));
        }

        allow.ReportUnused(diagnostics);
    }

    private static string Excerpt(string sentence)
    {
        var text = string.Join(' ', sentence.Replace(ProseBlock.CitationMark, ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text[..57].TrimEnd() + "…";
    }
}
