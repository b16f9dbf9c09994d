using System.Diagnostics;
using BackSiteGen.Checks;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;
using BackSiteGen.Trust;

namespace BackSiteGen.Benchmarks;

/// <summary>Where one thread's time goes per page, stage by stage, on a real content folder:
/// <c>dotnet run -c Release --project tests/BackSiteGen.Benchmarks -- profile CONTENT THEME</c>.
/// A quick look before reaching for BenchmarkDotNet, not a substitute for it.</summary>
internal static class PipelineProfile
{
    public static void Run(string content, string theme)
    {
        var diagnostics = new DiagnosticBag();
        var clock = Stopwatch.StartNew();
        var loadBytes = GC.GetTotalAllocatedBytes();
        var site = SiteBuilder.Load(new BuildOptions(content, theme, "unused-output"), diagnostics, BackSiteGen.Content.PageBodies.InMemory()) ?? throw new InvalidOperationException("The site does not load.");
        Console.WriteLine($"load: {clock.Elapsed.TotalMilliseconds:0} ms for {site.Index.Pages.Count} pages, {(GC.GetTotalAllocatedBytes() - loadBytes) / 1024.0 / site.Index.Pages.Count:0} KB/page allocated");
        var links = new BuildLinkCheck(site);
        var stages = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
        void Time(string stage, Action action)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            action();
            stages[stage] = stages.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(start);
            allocated[stage] = allocated.GetValueOrDefault(stage) + GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        for (var round = 0; round < 2; round++)
        {
            stages.Clear();
            allocated.Clear();
            foreach (var page in site.Index.Pages)
            {
                var text = site.Bodies.Read(page, new DiagnosticBag())!;
                Time("markdown", () => site.MarkdownOf(page).Render(text, site.Index, new DiagnosticBag()));
                var rendered0 = site.MarkdownOf(page).Render(text, site.Index, new DiagnosticBag());
                var layout = PageRenderer.LayoutOf(page, site.Theme);
                Scriban.Runtime.ScriptObject? model = null;
                Time("  page model", () => model = BackSiteGen.Templates.TemplateModel.Page(page, rendered0, site.Navigation.PlaceOf(page), site.Config, layout));
                Time("  trust model (json-ld)", () => TrustStage.AddToPageModel(model!, page, layout, site));
                string? html = null;
                // The globals a page renders with: its edition's functions (t, format_date, render_list), site and page.
                var edition = site.EditionOf(page);
                Time("  template", () => html = site.Templates.Render(layout, edition?.Globals(edition.SiteModel, model!) ?? new Scriban.Runtime.ScriptObject { ["site"] = site.SiteModel, ["page"] = model }, default, new DiagnosticBag()));
                Time("  trust check", () => TrustStage.CheckRenderedPage(page, layout, rendered0, html!, site, new DiagnosticBag()));
                RenderedPage? rendered = null;
                Time("markdown+template+trust", () => rendered = PageRenderer.Render(text, site, new DiagnosticBag()));
                HtmlFacts? facts = null;
                Time("link facts", () => facts = links.Add(rendered!));
                Time("citation check", () => CitationCheck.Verify(rendered!, facts!, new DiagnosticBag()));
                Time("write", () => File.WriteAllText(Path.Combine(Path.GetTempPath(), "bsg-profile.html"), rendered!.Html));
            }
        }

        foreach (var (stage, time) in stages)
        {
            Console.WriteLine($"{stage,-28} {time.TotalMilliseconds / site.Index.Pages.Count,8:0.000} ms/page {allocated[stage] / 1024.0 / site.Index.Pages.Count,8:0} KB/page");
        }

        Time("link resolution", () => links.Check(new DiagnosticBag()));
        Console.WriteLine($"{"link resolution",-28} {stages["link resolution"].TotalMilliseconds,8:0} ms total");
    }
}
