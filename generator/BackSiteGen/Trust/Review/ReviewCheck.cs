using System.Globalization;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Trust.Review;

/// <summary>Checks every page's review cycle against the build date, so a page cannot quietly go stale.</summary>
internal static class ReviewCheck
{
    public static void Check(Page page, ReviewSettings settings, SiteConfig config, DateOnly today, DiagnosticBag diagnostics)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var fm = page.FrontMatter;
        var file = page.Source.DisplayPath;
        if (string.IsNullOrWhiteSpace(settings.ReviewerOf(fm.ReviewedBy, config)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReviewMissing, fm.SpanOf("reviewed_by", file), "The page names no reviewer, and site.yml names no reviewing body: add 'reviewed_by: …' here, or 'editorial_team: …' (the team that reviews every page) to site.yml."));
        }

        if (fm.LastReviewed is not { } last)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReviewMissing, fm.SpanOf("last_reviewed", file), "The page has no 'last_reviewed' date: every page needs clinical review before it is published."));
        }

        if (fm.NextReview is not { } next)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReviewMissing, fm.SpanOf("next_review", file), $"The page has no 'next_review' date: plan the next review within {settings.MaxIntervalYears} years."));
            return;
        }

        var nextSpan = fm.SpanOf("next_review", file);
        if (fm.LastReviewed is { } reviewed)
        {
            if (next < reviewed)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReviewDatesOutOfOrder, nextSpan, $"'next_review' ({Format(next)}) is before 'last_reviewed' ({Format(reviewed)})."));
                return;
            }

            if (next > reviewed.AddYears(settings.MaxIntervalYears))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ReviewIntervalTooLong, nextSpan, $"'next_review' ({Format(next)}) is more than {settings.MaxIntervalYears} years after 'last_reviewed' ({Format(reviewed)})."));
            }

            if (reviewed > today)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReviewInFuture, fm.SpanOf("last_reviewed", file), $"'last_reviewed' ({Format(reviewed)}) is after today ({Format(today)})."));
            }
        }

        if (next < today)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.ReviewOverdue, nextSpan, $"Review overdue since {Format(next)}."));
        }
        else if (next.DayNumber - today.DayNumber <= settings.DueSoonDays)
        {
            var days = next.DayNumber - today.DayNumber;
            diagnostics.Add(Diagnostic.Note(DiagnosticCodes.ReviewDueSoon, nextSpan, $"Review due on {Format(next)}, in {days} day{(days == 1 ? string.Empty : "s")}."));
        }
    }

    /// <summary>"10 January 2026", as the page shows it.</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
