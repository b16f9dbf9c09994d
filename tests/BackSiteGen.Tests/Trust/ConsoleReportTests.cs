using BackSiteGen.Trust.Report;

namespace BackSiteGen.Tests.Trust;

/// <summary>The console shows a screenful whatever the site's size; the full table stays in --report and the job summary.</summary>
public sealed class ConsoleReportTests
{
    private static TrustReport Site(int pages) => new(Enumerable.Range(0, pages).Select(i => new PageReport(
        $"/page-{i:D4}/", $"content/page-{i:D4}.md", 300 + i, i == 17 ? 11.4 : 4 + (i % 10) / 10.0, 80, 6, new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1).AddDays(i == 42 ? -400 : i), "Review team", 2, 0, i == 7 ? 3 : 0, 0)).ToList());

    [Fact]
    public void A_small_site_gets_its_whole_table()
    {
        var text = TrustReportWriter.ToConsole(Site(12));

        Assert.Equal(12 + 2, text.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(TrustReportWriter.ToText(Site(12)), text);
    }

    [Fact]
    public void A_large_site_gets_a_summary_with_the_pages_to_look_at_first()
    {
        var text = TrustReportWriter.ToConsole(Site(2000));
        var lines = text.TrimEnd('\n').Split('\n');

        Assert.True(lines.Length < 40, $"{lines.Length} lines:\n{text}");
        Assert.StartsWith("2,000 pages, ", lines[0], StringComparison.Ordinal);
        Assert.Contains("--report FILE.json", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("/page-0017/", lines[Array.IndexOf(lines, "Hardest to read (5 of 2,000):") + 3], StringComparison.Ordinal);
        Assert.StartsWith("/page-0042/", lines[Array.IndexOf(lines, "Next reviews due (5 of 2,000):") + 3], StringComparison.Ordinal);
        Assert.Contains("With errors or warnings:", text, StringComparison.Ordinal);
        Assert.Contains("/page-0007/", text, StringComparison.Ordinal);
    }
}
