using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackSiteGen.BrowserTests;

/// <summary>The exercise handout as it comes out of a printer: Chromium prints it to PDF on A4 and on US Letter,
/// poppler reads the text back and zbar decodes the QR codes. Every step of every exercise must be on paper, on the
/// same sheet as that exercise's web address and a QR code that opens it (an exercise is never split across pages).</summary>
public sealed class HandoutPrintTests(BuiltSite site, ITestOutputHelper output) : IClassFixture<BuiltSite>
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "BackSiteGen.BrowserTests", "screenshots");

    [PrintFact]
    public async Task The_printed_handout_has_every_step_address_and_working_qr_code_of_each_exercise_on_one_sheet_on_A4_and_Letter()
    {
        Directory.CreateDirectory(Folder);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync();
        var problems = new List<string>();
        foreach (var (edition, handoutPath) in new[] { ("en", "/exercises/handout/"), ("es", "/es/exercises/handout/") })
        {
            await PrintAsync(context, edition, handoutPath, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Prints one edition's handout on A4 and Letter and notes every step, address or code missing from its sheet.</summary>
    private async Task PrintAsync(IBrowserContext context, string edition, string handoutPath, List<string> problems)
    {
        var exercises = await ExercisesAsync(context, handoutPath);
        Assert.True(exercises.Count == 5, $"The {edition} handout should list the five exercises, not {exercises.Count}.");
        foreach (var format in new[] { "A4", "Letter" })
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(site.Origin, handoutPath).AbsoluteUri);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            var pdf = Path.Combine(Folder, edition == "en" ? $"handout-{format}.pdf" : $"handout-{edition}-{format}.pdf");
            await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = format, PrintBackground = false });
            await page.CloseAsync();

            var sheets = Run("/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-").Split('\f').Select(Squeeze).ToList();
            var codes = QrCodesBySheet(pdf, sheets.Count);
            output.WriteLine($"{edition} {format}: {sheets.Count(s => s.Length > 0)} sheet(s); QR codes: {string.Join(" | ", codes.Select(c => string.Join(", ", c)))}");
            foreach (var exercise in exercises)
            {
                var sheet = sheets.FindIndex(s => s.Contains(Squeeze(exercise.Address), StringComparison.Ordinal));
                if (sheet < 0)
                {
                    problems.Add($"{edition} {format}: the address of {exercise.Title} ({exercise.Address}) is not printed");
                    continue;
                }

                foreach (var step in exercise.Steps.Where(step => !sheets[sheet].Contains(Squeeze(step), StringComparison.Ordinal)))
                {
                    problems.Add(sheets.Any(s => s.Contains(Squeeze(step), StringComparison.Ordinal))
                        ? $"{edition} {format}: {exercise.Title} is split across sheets: '{step}' is not on sheet {sheet + 1} with its address"
                        : $"{edition} {format}: {exercise.Title} is missing the step '{step}'");
                }

                if (!codes[sheet].Contains(exercise.Address))
                {
                    problems.Add($"{edition} {format}: no QR code on sheet {sheet + 1} opens {exercise.Address}");
                }
            }
        }
    }

    /// <summary>Each exercise the handout links to, read from its own page: title, full address and steps.</summary>
    private async Task<List<(string Title, string Address, List<string> Steps)>> ExercisesAsync(IBrowserContext context, string handoutPath)
    {
        var handout = await context.NewPageAsync();
        await handout.GotoAsync(new Uri(site.Origin, handoutPath).AbsoluteUri);
        var links = await handout.EvalOnSelectorAllAsync<string[]>(".handout-exercise h2 a", "links => links.map(a => a.getAttribute('href'))");
        await handout.CloseAsync();
        var exercises = new List<(string, string, List<string>)>();
        foreach (var link in links)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(site.Origin, link).AbsoluteUri);
            var title = await page.InnerTextAsync("main h1");
            var address = await page.GetAttributeAsync("link[rel=canonical]", "href") ?? link;
            var steps = await page.EvalOnSelectorAllAsync<string[]>("main ol.steps > li", "items => items.map(li => li.textContent)");
            Assert.NotEmpty(steps);
            exercises.Add((title, address, steps.ToList()));
            await page.CloseAsync();
        }

        return exercises;
    }

    private static List<HashSet<string>> QrCodesBySheet(string pdf, int sheets)
    {
        var folder = Directory.CreateTempSubdirectory("bsg-qr-").FullName;
        try
        {
            Run("/usr/bin/pdftoppm", "-r", "150", "-png", pdf, Path.Combine(folder, "sheet"));
            var images = Directory.GetFiles(folder, "sheet*.png").Order(StringComparer.Ordinal).ToList();
            var codes = Enumerable.Range(0, Math.Max(sheets, images.Count)).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
            for (var i = 0; i < images.Count; i++)
            {
                // zbarimg exits 4 when a sheet has no code, which is an answer, not a failure.
                foreach (var line in Run("/usr/bin/zbarimg", allowExit4: true, "--raw", "-q", images[i]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    codes[i].Add(line);
                }
            }

            return codes;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Text without any white space, so a line or page wrap in the PDF does not hide a step.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00AD'));

    private static string Run(string tool, params string[] arguments) => Run(tool, false, arguments);

    private static string Run(string tool, bool allowExit4, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && !(allowExit4 && process.ExitCode == 4))
        {
            throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}

/// <summary>A browser fact that also reads paper back: poppler-utils (pdftotext, pdftoppm) and zbar-tools (zbarimg).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PrintFactAttribute : FactAttribute
{
    private static readonly string[] Tools = [BrowserFactAttribute.ChromiumPath, "/usr/bin/pdftotext", "/usr/bin/pdftoppm", "/usr/bin/zbarimg"];

    public PrintFactAttribute()
    {
        var missing = Tools.Where(t => !File.Exists(t)).ToList();
        if (missing.Count > 0 && Environment.GetEnvironmentVariable(BrowserFactAttribute.RequireVariable) != "1")
        {
            Skip = $"{string.Join(", ", missing)} not installed (apt-get install -y chromium poppler-utils zbar-tools); set {BrowserFactAttribute.RequireVariable}=1 to make this a failure.";
        }
    }
}
