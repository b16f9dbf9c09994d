using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using BackSiteGen.Trust.Placeholders;

namespace BackSiteGen.Trust;

/// <summary>What site.yml must say for readers to trust the site: who publishes it (never invented), and real
/// contact addresses once the site is published to a real address.</summary>
internal static class SiteTrustData
{
    public static void Check(string siteYmlPath, string siteYmlDisplay, SiteConfig config, TrustSettings settings, DiagnosticBag diagnostics)
    {
        var lines = File.Exists(siteYmlPath) ? File.ReadAllLines(siteYmlPath) : [];
        if (settings.Review.Enabled && config.Publisher is null)
        {
            var line = Array.FindIndex(lines, l => l.StartsWith("publisher:", StringComparison.Ordinal));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PublisherMissing, new SourceSpan(siteYmlDisplay, line < 0 ? 1 : line + 1, 1), "site.yml names no publisher, and every page's footer and structured data need one: add 'publisher: { name: …, url: … }' with the organisation that publishes the site."));
        }

        if (settings.Lint is not { } lint)
        {
            return;
        }

        // Only what the site shows readers: the publisher's link and the feedback address (base_url is where the site
        // itself lives, so a reserved one makes this a demo build rather than a placeholder).
        foreach (var (key, value) in new[] { ("url:", config.Publisher?.Url), ("feedback_email:", config.FeedbackEmail) })
        {
            if (value is null || ReservedDomains.HostOf(value) is not { } host || !ReservedDomains.IsReserved(host))
            {
                continue;
            }

            var (line, column) = Find(lines, key, value);
            diagnostics.Add(lint.Placeholder(new SourceSpan(siteYmlDisplay, line, column), value));
        }
    }

    private static (int Line, int Column) Find(string[] lines, string key, string value)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(value, StringComparison.Ordinal);
            if (at >= 0 && lines[i].TrimStart().StartsWith(key, StringComparison.Ordinal))
            {
                return (i + 1, at + 1);
            }
        }

        return (1, 1);
    }
}
