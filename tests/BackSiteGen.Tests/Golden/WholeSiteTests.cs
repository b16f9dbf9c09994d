using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BackSiteGen.Tests.Infrastructure;

namespace BackSiteGen.Tests.Golden;

/// <summary>Properties of the built microsite as a reader gets it, which no test of one stage can show.</summary>
public sealed class WholeSiteTests
{
    private static readonly HtmlParser Parser = new();

    private static IDocument Page(string outputPath) => Parser.ParseDocument(File.ReadAllText(Path.Combine(Microsite.Output, outputPath)));

    /// <summary>The exercise pages of the microsite, from its sources: every page in content/exercises with layout exercise.</summary>
    private static List<string> ExerciseSources(string edition) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "content", edition, "exercises"), "*.md")
            .Where(f => File.ReadAllText(f).Contains("layout: exercise", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool InEdition(string outputPath, string edition) =>
        edition.Length == 0 ? !outputPath.StartsWith("es/", StringComparison.Ordinal) : outputPath.StartsWith(edition, StringComparison.Ordinal);

    /// <summary>The editions of the microsite, as output folders: English at the root, Spanish under es/.</summary>
    public static TheoryData<string> Editions => new() { string.Empty, "es/" };

    [Theory]
    [MemberData(nameof(Editions))]
    public void The_handout_carries_every_exercise_with_all_its_steps_and_its_illustration(string edition)
    {
        var exercises = ExerciseSources(edition);
        Assert.True(exercises.Count >= 5, $"The microsite's edition '{edition}' has five exercises.");
        var handout = Page(edition + "exercises/handout/index.html");
        var sections = handout.QuerySelectorAll("section.handout-exercise");
        Assert.Equal(exercises.Count, sections.Length);
        foreach (var name in exercises)
        {
            var page = Page($"{edition}exercises/{name}/index.html");
            var title = page.QuerySelector("h1")!.TextContent.Trim();
            var steps = page.QuerySelectorAll("ol.steps > li").Select(li => li.TextContent.Trim()).ToList();
            Assert.True(steps.Count >= 3, $"{name} should have its steps on its own page.");
            var section = sections.SingleOrDefault(s => s.QuerySelector("h2")!.TextContent.Trim() == title);
            Assert.True(section is not null, $"The handout has no section for '{title}'.");
            Assert.Equal(steps, section!.QuerySelectorAll("ol.steps > li").Select(li => li.TextContent.Trim()).ToList());

            var image = page.QuerySelector("img.exercise-image");
            Assert.True(image is not null, $"{name} should show its illustration.");
            var onHandout = section.QuerySelector("img.exercise-image");
            Assert.True(onHandout is not null, $"The handout shows no illustration for '{title}'.");
            Assert.Equal(Path.GetFileName(image!.GetAttribute("src")), Path.GetFileName(onHandout!.GetAttribute("src")));
            Assert.False(string.IsNullOrWhiteSpace(onHandout.GetAttribute("alt")), $"The handout's illustration of '{title}' has no alt text.");
        }
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void The_references_page_lists_every_cited_source_with_every_page_citing_it(string edition)
    {
        // Which pages of this edition cite which entry, read from the built pages' own reference lists.
        var citing = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var referencesPage = edition + "references/index.html";
        foreach (var file in Microsite.FilesBelow(Microsite.Output).Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && f != referencesPage && InEdition(f, edition)))
        {
            var page = Page(file);
            foreach (var entry in page.QuerySelectorAll("[id^='ref-']"))
            {
                var key = entry.Id!["ref-".Length..];
                if (!citing.TryGetValue(key, out var pages))
                {
                    citing[key] = pages = new SortedSet<string>(StringComparer.Ordinal);
                }

                pages.Add("/" + file[..^"index.html".Length]);
            }
        }

        Assert.NotEmpty(citing);
        var references = Page(referencesPage);
        var listed = references.QuerySelectorAll("ul.bibliography > li");
        foreach (var (key, pages) in citing)
        {
            var item = listed.SingleOrDefault(li => li.Id == "source-" + key);
            Assert.True(item is not null, $"The references page does not list '{key}', which {pages.First()} cites.");
            var citedOn = item!.QuerySelectorAll(".cited-by a").Select(a => a.GetAttribute("href")!).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(pages, new SortedSet<string>(citedOn, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Every_page_has_its_counterpart_in_the_other_language_both_ways_with_the_switcher_and_hreflang_pointing_at_it()
    {
        var pages = Microsite.FilesBelow(Microsite.Output).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var english = pages.Where(f => InEdition(f, string.Empty)).ToList();
        var spanish = pages.Where(f => InEdition(f, "es/")).ToList();
        Assert.True(english.Count >= 20, $"The English edition has {english.Count} pages.");
        Assert.Equal(english.Select(f => "es/" + f).Order(StringComparer.Ordinal), spanish.Order(StringComparer.Ordinal));

        var problems = new List<string>();
        foreach (var file in pages)
        {
            var isSpanish = file.StartsWith("es/", StringComparison.Ordinal);
            var (own, other) = isSpanish ? ("es", "en") : ("en", "es");
            var counterpart = isSpanish ? file["es/".Length..] : "es/" + file;
            var page = Page(file);
            if (page.DocumentElement.GetAttribute("lang") != own)
            {
                problems.Add($"{file}: <html lang> is '{page.DocumentElement.GetAttribute("lang")}', not '{own}'");
            }

            if (file.EndsWith("404.html", StringComparison.Ordinal))
            {
                continue;
            }

            var address = (string path) => "https://example.org/" + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!, StringComparer.Ordinal);
            if (!alternates.TryGetValue(own, out var self) || self != address(file))
            {
                problems.Add($"{file}: no hreflang='{own}' link to itself");
            }

            if (!alternates.TryGetValue(other, out var there) || there != address(counterpart))
            {
                problems.Add($"{file}: hreflang='{other}' should be {address(counterpart)}, is '{there}'");
            }

            if (!alternates.TryGetValue("x-default", out var fallback) || fallback != address(isSpanish ? counterpart : file))
            {
                problems.Add($"{file}: x-default should be the English page");
            }

            var switcher = page.QuerySelector("header a[hreflang]");
            var expected = "/" + (counterpart.EndsWith("index.html", StringComparison.Ordinal) ? counterpart[..^"index.html".Length] : counterpart);
            if (switcher is null || switcher.GetAttribute("href") != expected || switcher.GetAttribute("lang") != other
                || switcher.TextContent.Trim() != (other == "es" ? "Español" : "English"))
            {
                problems.Add($"{file}: the header's language switcher should read '{(other == "es" ? "Español" : "English")}' and open {expected}, is '{switcher?.OuterHtml}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
