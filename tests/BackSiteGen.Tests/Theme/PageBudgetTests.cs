using System.IO.Compression;
using System.Text.RegularExpressions;
using BackSiteGen.Site;
using BackSiteGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BackSiteGen.Tests.Theme;

/// <summary>Every page of the real microsite arrives in the first round trip: the HTML, gzipped, plus each
/// stylesheet and script it loads, gzipped, is at most 14 KB (the classic 10-segment initial congestion window).</summary>
public sealed partial class PageBudgetTests(ITestOutputHelper output) : IDisposable
{
    private const int Budget = 14 * 1024;
    private readonly string _output = Path.Combine(Path.GetTempPath(), "bsg-budget-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Every_page_with_its_css_and_js_is_at_most_14_KB_gzipped()
    {
        var result = SiteBuilder.Build(new BuildOptions("content", "themes/default", _output, Strict: true, BuildDate: Golden.Microsite.BuildDate, WorkingDirectory: Repository.Root));
        Assert.True(result.Succeeded, string.Join('\n', result.Lines()));
        var pages = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 15, "The microsite should have its pages.");
        var over = new List<string>();
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var total = Gzipped(File.ReadAllBytes(page));
            foreach (Match asset in Subresource().Matches(html))
            {
                var path = Path.Combine(_output, asset.Groups["url"].Value.TrimStart('/'));
                Assert.True(File.Exists(path), $"{page} loads {asset.Groups["url"].Value}, which is not in the site.");
                total += Gzipped(File.ReadAllBytes(path));
            }

            var name = Path.GetRelativePath(_output, page);
            output.WriteLine($"{total,6} B  {name}");
            if (total > Budget)
            {
                over.Add($"{name}: {total} B gzipped with its CSS and JS, over {Budget} B");
            }
        }

        Assert.Empty(over);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static int Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return (int)buffer.Length;
    }

    [GeneratedRegex("""<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="(?<url>/[^"]+)""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Subresource();
}
