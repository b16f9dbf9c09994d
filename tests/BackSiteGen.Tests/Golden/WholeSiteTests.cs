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
    private static List<string> ExerciseSources() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "content", "exercises"), "*.md")
            .Where(f => File.ReadAllText(f).Contains("layout: exercise", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_handout_carries_every_exercise_with_all_its_steps_and_its_illustration()
    {
        var exercises = ExerciseSources();
        Assert.True(exercises.Count >= 5, "The microsite has five exercises.");
        var handout = Page("exercises/handout/index.html");
        var sections = handout.QuerySelectorAll("section.handout-exercise");
        Assert.Equal(exercises.Count, sections.Length);
        foreach (var name in exercises)
        {
            var page = Page($"exercises/{name}/index.html");
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

    [Fact]
    public void The_references_page_lists_every_cited_source_with_every_page_citing_it()
    {
        // Which pages cite which entry, read from the built pages' own reference lists.
        var citing = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Microsite.FilesBelow(Microsite.Output).Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && f != "references/index.html"))
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
        var references = Page("references/index.html");
        var listed = references.QuerySelectorAll("ul.bibliography > li");
        foreach (var (key, pages) in citing)
        {
            var item = listed.SingleOrDefault(li => li.Id == "source-" + key);
            Assert.True(item is not null, $"The references page does not list '{key}', which {pages.First()} cites.");
            var citedOn = item!.QuerySelectorAll(".cited-by a").Select(a => a.GetAttribute("href")!).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(pages, new SortedSet<string>(citedOn, StringComparer.Ordinal));
        }
    }
}
