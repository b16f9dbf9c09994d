using System.Globalization;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust.Readability;

/// <summary>Compares a page's grade with the site's threshold, or the page's own raised threshold when it says why.</summary>
internal static class ReadabilityCheck
{
    public static void Check(Page page, ReadabilityScore score, ReadabilitySettings settings, DiagnosticBag diagnostics)
    {
        if (!settings.Enabled || score.Statistics.Words == 0)
        {
            return;
        }

        var file = page.Source.DisplayPath;
        var span = page.FrontMatter.SpanOf("readability", file);
        var limit = settings.MaxGrade;
        var because = string.Empty;
        if (page.FrontMatter.Values.TryGetValue("readability", out var value) && value is IReadOnlyDictionary<string, object?> own)
        {
            foreach (var key in own.Keys.Where(k => k is not ("max_grade" or "reason")))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FrontMatterUnknownKey, span, $"Unknown key '{key}' in readability: use 'max_grade' and 'reason'."));
            }

            var reason = own.GetValueOrDefault("reason") as string;
            if (own.GetValueOrDefault("max_grade") is { } raw)
            {
                if (!double.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var ownLimit))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterWrongType, span, "'readability.max_grade' must be a number."));
                }
                else if (string.IsNullOrWhiteSpace(reason))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReadabilityOverrideWithoutReason, span, $"The page raises its reading grade limit to {ownLimit.ToString("0.#", CultureInfo.InvariantCulture)} without a reason: add 'reason:' saying why plainer words will not do."));
                }
                else
                {
                    limit = ownLimit;
                    because = $" (the page's own limit: {reason})";
                }
            }
        }

        if (score.Grade > limit)
        {
            var grade = score.Grade.ToString("0.0", CultureInfo.InvariantCulture);
            var max = limit.ToString("0.#", CultureInfo.InvariantCulture);
            var ease = score.ReadingEase.ToString("0", CultureInfo.InvariantCulture);
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReadabilityTooHard, span, $"Hard to read: Flesch-Kincaid grade {grade} is above {max}{because}; reading ease {ease}. Use shorter sentences and shorter words."));
        }
    }
}
