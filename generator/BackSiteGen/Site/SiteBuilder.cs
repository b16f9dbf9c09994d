using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using BackSiteGen.Config;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown;
using BackSiteGen.Markdown.RawHtml;
using BackSiteGen.Output;
using BackSiteGen.Templates;
using Scriban.Runtime;
using Diagnostic = BackSiteGen.Diagnostics.Diagnostic;

namespace BackSiteGen.Site;

/// <summary>The one orchestrator: reads the content, renders every page, writes the site, checks it, swaps it in.</summary>
public static class SiteBuilder
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Files the build writes itself; a page or file of the same name collides with them.</summary>
    private static readonly string[] GeneratedFiles = ["sitemap.xml", "robots.txt", "404.html", ".nojekyll"];

    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var (pages, files) = (0, 0);
        var succeeded = BuildInto(options, diagnostics, ref pages, ref files);
        return new BuildResult(diagnostics.ToSortedList(), pages, files, succeeded, clock.Elapsed);
    }

    /// <summary>Reads the configuration, the content and the theme, and computes what every page shares.
    /// Returns null when errors make rendering pointless (the diagnostics say why).</summary>
    public static SiteContext? Load(BuildOptions options, DiagnosticBag diagnostics)
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
        var pages = ReadPages(inventory.Pages, options, diagnostics);
        var index = MapUrls(pages, inventory.StaticFiles, theme, config, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var navigation = Navigation.Build(index.Pages, index);
        var siteModel = TemplateModel.Site(config, navigation);
        siteModel.IsReadOnly = true;
        return new SiteContext(options, config, inventory, theme, index, navigation, new MarkdownRenderer(RawHtmlPolicy.Read(config, displayContent + "/" + SiteConfigLoader.FileName, diagnostics)), new TemplateRenderer(theme, TemplateModel.Functions(config)), siteModel);
    }

    private static bool BuildInto(BuildOptions options, DiagnosticBag diagnostics, ref int pageCount, ref int fileCount)
    {
        var site = Load(options, diagnostics);
        if (site is null)
        {
            return false;
        }

        using var output = OutputFolder.Open(options.FullPath(options.OutputDir), options.OutputDir, options.BaseDirectory, ProtectedFolders(site), diagnostics);
        if (output is null)
        {
            return false;
        }

        try
        {
            var inventory = site.Inventory;
            CreateFolders(output.Staging, site.Index.Pages.Select(p => p.OutputPath).Concat(inventory.StaticFiles.Select(f => f.RelativePath)));
            Parallel.ForEach(site.Index.Pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page =>
            {
                if (PageRenderer.Render(page, site, diagnostics) is { } rendered)
                {
                    File.WriteAllText(Path.Combine(output.Staging, page.OutputPath), rendered.Html, Utf8NoBom);
                }
            });

            foreach (var file in inventory.StaticFiles)
            {
                File.Copy(file.FullPath, Path.Combine(output.Staging, file.RelativePath));
            }

            fileCount = inventory.StaticFiles.Count + CopyThemeAssets(site.Theme, output.Staging);
            WriteSiteFiles(output.Staging, site, diagnostics);
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
    private static List<Page> ReadPages(IReadOnlyList<SourceFile> sources, BuildOptions options, DiagnosticBag diagnostics)
    {
        var pages = new ConcurrentBag<Page>();
        Parallel.ForEach(sources, source =>
        {
            if (ReadPage(source, diagnostics) is { } page && (options.Drafts || (!page.FrontMatter.Draft && !(page.FrontMatter.Date > options.Today))))
            {
                pages.Add(page);
            }
        });
        return pages.OrderBy(p => p.Source.RelativePath, StringComparer.Ordinal).ToList();
    }

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

    private static List<(string Full, string Relative)> ThemeAssets(Theme theme)
    {
        var assets = Path.Combine(theme.Root, Theme.AssetsFolder);
        if (!Directory.Exists(assets))
        {
            return [];
        }

        return Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(theme.Root, f).Replace('\\', '/')))
            .OrderBy(a => a.Relative, StringComparer.Ordinal)
            .ToList();
    }

    private static int CopyThemeAssets(Theme theme, string staging)
    {
        var count = 0;
        foreach (var (full, relative) in ThemeAssets(theme))
        {
            var target = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(full, target);
            count++;
        }

        return count;
    }

    private static void WriteSiteFiles(string staging, SiteContext site, DiagnosticBag diagnostics)
    {
        var (config, theme) = (site.Config, site.Theme);
        var urls = site.Index.Pages.Select(p => new Uri(config.BaseUrl, p.Url.TrimStart('/')).AbsoluteUri);
        File.WriteAllText(Path.Combine(staging, "sitemap.xml"), SiteFiles.Sitemap(urls), Utf8NoBom);
        File.WriteAllText(Path.Combine(staging, "robots.txt"), SiteFiles.Robots(new Uri(config.BaseUrl, "sitemap.xml").AbsoluteUri), Utf8NoBom);
        File.WriteAllBytes(Path.Combine(staging, ".nojekyll"), []);
        if (theme.HasLayout("404"))
        {
            var globals = new ScriptObject { ["site"] = site.SiteModel, ["page"] = TemplateModel.NotFoundPage(config) };
            if (site.Templates.Render("404", globals, SourceSpan.WholeFile(theme.DisplayPathOf(Theme.LayoutPath("404"))), diagnostics) is { } html)
            {
                File.WriteAllText(Path.Combine(staging, "404.html"), html, Utf8NoBom);
            }
        }
    }

    /// <summary>Creates every folder once, up front, so the parallel writers only write files.</summary>
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
