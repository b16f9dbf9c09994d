using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BackSiteGen.Citations;

namespace BackSiteGen.Tests.Citations;

/// <summary>Runs pandoc 2.17 with <c>--citeproc</c> and the CSL AMA style over ama-goldens.yaml and compares every entry
/// with ours as text: the same, or pandoc's text is the recorded <c>x-pandoc</c> and the difference is explained.</summary>
public sealed partial class PandocComparisonTests
{
    [PandocFact]
    public void Every_entry_prints_as_pandoc_prints_it_or_differs_as_recorded_with_the_reason()
    {
        var pandoc = PandocFactAttribute.Pandoc();
        Assert.True(pandoc is not null && File.Exists(PandocFactAttribute.CslPath), $"pandoc and {PandocFactAttribute.CslPath} are required ({PandocFactAttribute.RequireVariable}=1).");
        var entries = Run(pandoc, AmaGoldens.FilePath);

        var failures = new List<string>();
        foreach (var golden in AmaGoldens.All)
        {
            var id = golden.Reference.Id;
            var theirs = entries.GetValueOrDefault(id);
            var ours = Text(AmaFormatter.Html(golden.Reference));
            var expected = golden.Pandoc ?? ours;
            if (theirs != expected)
            {
                failures.Add($"{id}: pandoc printed \"{theirs}\", expected \"{expected}\"");
            }

            if (golden.Pandoc is not null && golden.Pandoc == ours)
            {
                failures.Add($"{id}: recorded as different from pandoc, but ours is now the same; remove x-pandoc and x-why");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [PandocFact]
    public void The_microsite_bibliography_prints_as_pandoc_prints_it_except_the_database_topics()
    {
        var pandoc = PandocFactAttribute.Pandoc();
        Assert.True(pandoc is not null && File.Exists(PandocFactAttribute.CslPath));
        var path = Path.Combine(Infrastructure.Repository.Root, "content", "references.yaml");
        var entries = Run(pandoc, path);
        var bibliography = BibliographyLoader.Parse(File.ReadAllText(path), "content/references.yaml", new Diagnostics.DiagnosticBag());

        foreach (var reference in bibliography.References)
        {
            var ours = Text(AmaFormatter.Html(reference));
            if (reference.Type == "entry-encyclopedia")
            {
                // The same difference as the golden 'database': AMA dates a database topic by its update.
                Assert.Contains("In: UpToDate", entries[reference.Id], StringComparison.Ordinal);
                Assert.Contains("UpToDate. Updated ", ours, StringComparison.Ordinal);
                continue;
            }

            // Ours prints the group author after a semicolon (AMA 3.6.1), pandoc after a comma.
            Assert.Equal(entries[reference.Id], ours.Replace("; Clinical Guidelines", ", Clinical Guidelines", StringComparison.Ordinal));
        }
    }

    /// <summary>pandoc's bibliography for every entry of <paramref name="bibliography"/>, as text by id.</summary>
    private static Dictionary<string, string> Run(string pandoc, string bibliography)
    {
        var start = new ProcessStartInfo(pandoc)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-f", "markdown", "-t", "html", "--wrap=none", "--citeproc", "--bibliography", bibliography, "--csl", PandocFactAttribute.CslPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write("---\nnocite: '@*'\n---\n");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var html = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in EntryPattern().Matches(html))
        {
            entries[match.Groups[1].Value] = Text(match.Groups[2].Value);
        }

        return entries;
    }

    private static string Text(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, string.Empty)).Trim();

    [GeneratedRegex("""<div id="ref-([^"]+)" class="csl-entry"[^>]*>\s*<div class="csl-left-margin">.*?</div><div class="csl-right-inline">(.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex EntryPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
