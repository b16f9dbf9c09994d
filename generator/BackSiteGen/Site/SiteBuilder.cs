using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using BackSiteGen.Checks;
using BackSiteGen.Citations;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Markdown.RawHtml;
using BackSiteGen.Output;
using BackSiteGen.Templates;
using BackSiteGen.Trust;
using BackSiteGen.Trust.Report;
using Scriban.Runtime;
using Diagnostic = BackSiteGen.Diagnostics.Diagnostic;

namespace BackSiteGen.Site;

/// <summary>The one orchestrator: reads the content, renders every page, writes the site, checks it, swaps it in.</summary>
public static class SiteBuilder
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Files the build writes itself; a page or file of the same name collides with them.</summary>
    internal static readonly string[] GeneratedFiles = ["sitemap.xml", "robots.txt", "404.html", ".nojekyll"];

    /// <param name="progress">Told how many pages are rendered so far, so a terminal can show a progress line.</param>
    public static BuildResult Build(BuildOptions options, IProgress<BuildProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var (pages, files) = (0, 0);
        var facts = new ConcurrentBag<Trust.PageFacts>();
        var stages = new StageClock();
        var succeeded = BuildInto(options, diagnostics, facts, progress, stages, ref pages, ref files);
        var sorted = diagnostics.ToSortedList();
        var report = TrustReport.From(facts, sorted);
        stages.Mark("report");
        return new BuildResult(sorted, pages, files, succeeded, clock.Elapsed) { Report = report, Stages = stages.Stages };
    }

    /// <summary>Reads the configuration, the content and the theme, and computes what every page shares.
    /// Returns null when errors make rendering pointless (the diagnostics say why).</summary>
    /// <param name="deferBodies">Keep only each page's front matter and read its body again when the page renders
    /// (a build renders each page once; <c>serve</c> re-renders and keeps them).</param>
    public static SiteContext? Load(BuildOptions options, DiagnosticBag diagnostics, StageClock? stages = null, bool deferBodies = false)
    {
        var contentDir = options.FullPath(options.ContentDir);
        var themeDir = options.FullPath(options.ThemeDir);
        if (!RequireFolder(contentDir, options.ContentDir, "content", diagnostics) | !RequireFolder(themeDir, options.ThemeDir, "theme", diagnostics))
        {
            return null;
        }

        var displayContent = options.DisplayPath(contentDir);
        var config = SiteConfigLoader.Load(contentDir, displayContent, options.BaseUrl, diagnostics);
        var inventory = ContentScanner.Scan(contentDir, displayContent, diagnostics);
        var theme = Theme.Load(themeDir, options.DisplayPath(themeDir), diagnostics);
        var bibliography = BibliographyLoader.Load(contentDir, displayContent, diagnostics);
        stages?.Mark("config, scan, theme, bibliography");
        var pages = ReadPages(inventory.Pages, options, diagnostics, deferBodies);
        stages?.Mark("read pages");
        var index = MapUrls(pages, inventory.StaticFiles, theme, config, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var (trust, glossary) = TrustStage.Load(options, config, index, diagnostics);
        var navigation = Navigation.Build(index.Pages, index);
        var siteModel = TemplateModel.Site(config, navigation);
        siteModel["glossary"] = TrustStage.GlossaryModel(glossary);
        siteModel.IsReadOnly = true;
        var rawHtml = RawHtmlPolicy.Read(config, displayContent + "/" + SiteConfigLoader.FileName, diagnostics);
        StaticHtmlGuard.Check(inventory.StaticFiles, rawHtml, diagnostics);
        var markdown = new MarkdownRenderer(bibliography, glossary, trust.Accessibility, rawHtml);
        var functions = TemplateModel.Functions(config);
        ThemeFunctions.Import(functions, theme, index, markdown);
        stages?.Mark("urls, navigation, site model");
        return new SiteContext(options, config, inventory, theme, index, navigation, markdown, new TemplateRenderer(theme, functions), siteModel) { Trust = trust, Bibliography = bibliography };
    }

    private static bool BuildInto(BuildOptions options, DiagnosticBag diagnostics, ConcurrentBag<Trust.PageFacts> facts, IProgress<BuildProgress>? progress, StageClock stages, ref int pageCount, ref int fileCount)
    {
        // Before anything can fail: a swap a crash left half done is put back first, so the output is complete either way.
        OutputFolder.RecoverInterrupted(options.FullPath(options.OutputDir), options.OutputDir, diagnostics);
        var site = Load(options, diagnostics, stages, deferBodies: true);
        if (site is null)
        {
            return false;
        }

        using var output = OutputFolder.Open(options.FullPath(options.OutputDir), options.OutputDir, options.BaseDirectory, ProtectedFolders(site), diagnostics, options.Force);
        if (output is null)
        {
            return false;
        }

        try
        {
            var inventory = site.Inventory;
            // Each page's folder is made by the thread that writes the page, where the file system's cost overlaps the
            // other thread's rendering: made one by one up front, 10,000 folders took 2 s of a 13 s build.
            CreateFolders(output.Staging, inventory.StaticFiles.Select(f => f.RelativePath));
            stages.Mark("output folders");
            var renderedPages = new ConcurrentBag<RenderedPage>();
            var links = new BuildLinkCheck(site);
            var renderedCount = 0;
            void RenderPage(Page page, ScriptObject? siteModel)
            {
                if (WithBody(page, diagnostics) is { } full && PageRenderer.Render(full, site, diagnostics, siteModel) is { } rendered)
                {
                    // What outlives this page (its link facts, its citations) refers to the page without its body.
                    rendered = rendered with { Page = page };
                    var target = Path.Combine(output.Staging, page.OutputPath);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    WriteNewFile(target, rendered.Html);
                    if (rendered.Content.Citations.Count > 0)
                    {
                        // The references page needs each page's citations, not its HTML: keeping every page's HTML
                        // until the end would make memory grow with the size of the whole site.
                        renderedPages.Add(rendered with { Html = string.Empty, Content = rendered.Content with { Html = string.Empty, ReadableBlocks = [] } });
                    }

                    CitationCheck.Verify(rendered, links.Add(rendered), diagnostics);
                    if (rendered.Trust is { } trust)
                    {
                        facts.Add(trust);
                    }
                }

                progress?.Report(new BuildProgress(Interlocked.Increment(ref renderedCount), site.Index.Pages.Count));
            }

            Parallel.ForEach(site.Index.Pages.Where(p => !ReferencesPage.Is(p, site.Theme)), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page => RenderPage(page, null));

            // The references page lists the pages citing each source, so it renders once they all have.
            foreach (var page in site.Index.Pages.Where(p => ReferencesPage.Is(p, site.Theme)))
            {
                RenderPage(page, ReferencesPage.SiteModel(site, renderedPages));
            }

            stages.Mark("render, write, extract links");
            ReferencesPage.ReportUncited(site.Bibliography, renderedPages, diagnostics);
            TrustStage.Finish(facts, site, diagnostics);

            foreach (var file in inventory.StaticFiles)
            {
                FileCopy.Regular(file.FullPath, Path.Combine(output.Staging, file.RelativePath), file.DisplayPath, diagnostics);
            }

            fileCount = inventory.StaticFiles.Count + CopyThemeAssets(site.Theme, output.Staging, diagnostics);
            WriteSiteFiles(output.Staging, site, diagnostics);
            stages.Mark("references, trust, files, site files");
            links.Check(diagnostics, options.External);
            stages.Mark("resolve links");
        }
        catch (Exception ex) when (FileSystemFailure.Of(ex) is { } io)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(options.OutputDir), $"Cannot write the site: {io.Message}"));
            return false;
        }

        pageCount = site.Index.Pages.Count;
        var failed = diagnostics.ToSortedList().Any(d => d.Severity == Severity.Error || (options.Strict && d.Severity == Severity.Warning));
        if (failed)
        {
            return false;
        }

        try
        {
            output.Commit();
            stages.Mark("swap");
        }
        catch (Exception ex) when (FileSystemFailure.Of(ex) is { } io)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(options.OutputDir), $"Cannot swap the new site in: {io.Message}"));
            return false;
        }

        return true;
    }

    private static bool RequireFolder(string fullPath, string written, string what, DiagnosticBag diagnostics)
    {
        if (Directory.Exists(fullPath))
        {
            return true;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FolderMissing, SourceSpan.WholeFile(written), $"The {what} folder '{written}' does not exist."));
        return false;
    }

    /// <summary>Reads and splits every page in parallel; drafts and pages dated in the future stay out unless asked for.</summary>
    private static List<Page> ReadPages(IReadOnlyList<SourceFile> sources, BuildOptions options, DiagnosticBag diagnostics, bool deferBodies)
    {
        var pages = new ConcurrentBag<Page>();
        Parallel.ForEach(sources, source =>
        {
            if (ReadPage(source, diagnostics) is { } page && IsPublished(page, options))
            {
                // Holding every body from reading to rendering was a third of a 10,000-page build's peak memory, and
                // the largest part of what the collector had to copy from generation to generation.
                pages.Add(deferBodies ? page with { Body = string.Empty, BodyDeferred = true } : page);
            }
        });
        return pages.OrderBy(p => p.Source.RelativePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>The page with its body, read again from its file when loading deferred it. Null, with a diagnostic,
    /// when the file can no longer be read or no longer has its front matter (it changed during the build).</summary>
    internal static Page? WithBody(Page page, DiagnosticBag diagnostics)
    {
        if (!page.BodyDeferred)
        {
            return page;
        }

        var text = SourceText.Read(page.Source.FullPath, page.Source.DisplayPath, diagnostics);
        if (text is null)
        {
            return null;
        }

        if (FrontMatterParser.Split(text) is not { } split)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceSpan(page.Source.DisplayPath, 1, 1), "The front matter opened here is never closed: add a line with '---' after it."));
            return null;
        }

        return page with { Body = split.Body, BodyLine = split.BodyLine, BodyDeferred = false };
    }

    /// <summary>Drafts and pages dated in the future stay out unless asked for; <c>serve</c> asks the same question per edit.</summary>
    internal static bool IsPublished(Page page, BuildOptions options) =>
        options.Drafts || (!page.FrontMatter.Draft && !(page.FrontMatter.Date > options.Today));

    public static Page? ReadPage(SourceFile source, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(source.FullPath, source.DisplayPath, diagnostics);
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyFile, new SourceSpan(source.DisplayPath, 1, 1), "The page is empty. Give it front matter with 'title' and 'description', or delete it."));
            return null;
        }

        var split = FrontMatterParser.Split(text);
        if (split is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterUnclosed, new SourceSpan(source.DisplayPath, 1, 1), "The front matter opened here is never closed: add a line with '---' after it."));
            return null;
        }

        var frontMatter = FrontMatterParser.Parse(split.Value, source.DisplayPath, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var (url, outputPath) = UrlMapper.ForPage(source.RelativePath);
        if (frontMatter.Permalink is { } permalink)
        {
            if (UrlMapper.ForPermalink(permalink) is { } mapped)
            {
                (url, outputPath) = mapped;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PermalinkLeavesSite, frontMatter.SpanOf("permalink", source.DisplayPath), $"The permalink '{permalink}' leaves the site; write a path such as /treatments/heat/."));
                return null;
            }
        }

        var slash = source.RelativePath.IndexOf('/', StringComparison.Ordinal);
        var section = slash < 0 ? string.Empty : source.RelativePath[..slash];
        return new Page(source, frontMatter, split.Value.Body, split.Value.BodyLine, url, outputPath, section);
    }

    /// <summary>Checks that no two pages, files or generated files land on one output path, then indexes them.</summary>
    private static SiteIndex MapUrls(List<Page> pages, IReadOnlyList<SourceFile> files, Theme theme, SiteConfig config, DiagnosticBag diagnostics)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var generated in GeneratedFiles)
        {
            owners[generated] = "a file the build generates";
        }

        foreach (var asset in ThemeAssets(theme))
        {
            owners[asset.Relative] = theme.DisplayPathOf(asset.Relative);
        }

        void Claim(string outputPath, SourceSpan span)
        {
            if (!OutputPath.IsSafe(outputPath))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PermalinkLeavesSite, span, $"'{span.File}' would be written to '{outputPath}', which is not a plain path inside the output folder; rename the file or fix its permalink."));
            }
            else if (owners.TryGetValue(outputPath, out var owner))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputPathCollision, span, $"'{span.File}' and {(owner.Contains(' ', StringComparison.Ordinal) ? owner : $"'{owner}'")} would both be written to '{outputPath}'."));
            }
            else
            {
                owners[outputPath] = span.File;
            }
        }

        foreach (var page in pages)
        {
            Claim(page.OutputPath, page.FrontMatter.Permalink is null ? new SourceSpan(page.Source.DisplayPath, 1, 1) : page.FrontMatter.SpanOf("permalink", page.Source.DisplayPath));
        }

        var fileUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Claim(file.RelativePath, SourceSpan.WholeFile(file.DisplayPath));
            fileUrls[file.RelativePath] = UrlMapper.ForFile(file.RelativePath);
        }

        return new SiteIndex(pages, fileUrls, config.BasePath);
    }

    internal static List<(string Full, string Relative)> ThemeAssets(Theme theme) => [.. theme.Assets];

    private static int CopyThemeAssets(Theme theme, string staging, DiagnosticBag diagnostics)
    {
        var count = 0;
        foreach (var (full, relative) in ThemeAssets(theme))
        {
            var target = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            FileCopy.Regular(full, target, theme.DisplayPathOf(relative), diagnostics);
            count++;
        }

        return count;
    }

    private static void WriteSiteFiles(string staging, SiteContext site, DiagnosticBag diagnostics)
    {
        foreach (var (path, text) in RenderSiteFiles(site, diagnostics))
        {
            File.WriteAllText(Path.Combine(staging, path), text, Utf8NoBom);
        }
    }

    /// <summary>The files the build generates itself, as text, so <c>serve</c> can hold them in memory.</summary>
    internal static List<(string Path, string Text)> RenderSiteFiles(SiteContext site, DiagnosticBag diagnostics)
    {
        var (config, theme) = (site.Config, site.Theme);
        var urls = site.Index.Pages.Select(p => new Uri(config.BaseUrl, p.Url.TrimStart('/')).AbsoluteUri);
        var files = new List<(string Path, string Text)>
        {
            ("sitemap.xml", SiteFiles.Sitemap(urls)),
            ("robots.txt", SiteFiles.Robots(new Uri(config.BaseUrl, "sitemap.xml").AbsoluteUri)),
            (".nojekyll", string.Empty),
        };
        if (theme.HasLayout("404"))
        {
            var globals = new ScriptObject { ["site"] = site.SiteModel, ["page"] = TemplateModel.NotFoundPage(config) };
            if (site.Templates.Render("404", globals, SourceSpan.WholeFile(theme.DisplayPathOf(Theme.LayoutPath("404"))), diagnostics) is { } html)
            {
                files.Add(("404.html", html));
            }
        }

        return files;
    }

    /// <summary>Writes a file that cannot exist yet (the staging folder is new, and no two pages share an output path)
    /// with one open and one write. <see cref="File.WriteAllText(string, string?, Encoding)"/> also truncates,
    /// preallocates, asks the file system's type and seeks: five more system calls per page, on 10,000 pages.</summary>
    private static void WriteNewFile(string path, string text)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8NoBom.GetBytes(text, buffer);
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Creates the folders of the static files once, up front, before they are copied.</summary>
    private static void CreateFolders(string root, IEnumerable<string> outputPaths)
    {
        foreach (var folder in outputPaths.Select(p => Path.GetDirectoryName(p) ?? string.Empty).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }
    }

    /// <summary>Folders an output folder must never be or contain: content, theme and the repository around them.</summary>
    private static IEnumerable<string> ProtectedFolders(SiteContext site)
    {
        var contentDir = site.Options.FullPath(site.Options.ContentDir);
        yield return contentDir;
        yield return site.Theme.Root;
        for (var dir = new DirectoryInfo(contentDir); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                yield return dir.FullName;
                break;
            }
        }
    }
}
