using System.Collections.Concurrent;
using System.Diagnostics;
using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using Diagnostic = BackSiteGen.Diagnostics.Diagnostic;

namespace BackSiteGen.Checks;

/// <summary><c>backsitegen check</c>: the build's link check run over a folder of built files; findings point into
/// the output, since nothing is known about the sources.</summary>
public static class FolderCheck
{
    public static FolderCheckResult Run(FolderCheckOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var root = options.FullPath(options.SiteDir);
        if (!Directory.Exists(root))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FolderMissing, SourceSpan.WholeFile(options.SiteDir), $"The site folder '{options.SiteDir}' does not exist."));
            return Done(diagnostics, 0, 0, options, clock);
        }

        var config = SiteConfig.Default;
        var settings = LinkCheckSettings.Default;
        if (options.ConfigPath is { } configPath)
        {
            var full = options.FullPath(configPath);
            var display = options.DisplayPath(full);
            if (Content.SourceText.Read(full, display, diagnostics) is { } text)
            {
                config = SiteConfigLoader.Parse(text, display, diagnostics);
                settings = LinkCheckSettings.From(config, display, diagnostics);
            }
        }

        var (basePath, origin) = ParseBase(options.BaseUrl, options.ConfigPath is null ? null : config.BaseUrl, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Done(diagnostics, 0, 0, options, clock);
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        var toRead = new List<string>();
        foreach (var full in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true }))
        {
            var relative = UrlResolver.Decode(Path.GetRelativePath(root, full).Replace('\\', '/'));
            if (relative.StartsWith(".git/", StringComparison.Ordinal))
            {
                continue;
            }

            // A FIFO named x.html used to hang check forever: it is refused without being opened.
            if (Content.FileKinds.Of(full, followLinks: true) is var kind and not Content.FileKind.Regular)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotRegularFile, SourceSpan.WholeFile(options.DisplayPath(full)), $"Refused: {Content.FileKinds.NotRegular(kind)}."));
                continue;
            }

            files.Add(relative);
            if (relative.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            {
                toRead.Add(full);
            }
        }

        var pages = new ConcurrentDictionary<string, HtmlFacts>(StringComparer.Ordinal);
        var sources = new ConcurrentBag<HtmlFacts>();
        Parallel.ForEach(toRead, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, full =>
        {
            var relative = UrlResolver.Decode(Path.GetRelativePath(root, full).Replace('\\', '/'));
            var text = File.ReadAllText(full);
            if (relative.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(CssUrlExtractor.Extract(text, relative));
            }
            else
            {
                var facts = HtmlFactsExtractor.Extract(text, relative);
                pages[relative] = facts;
                sources.Add(facts);
            }
        });

        var checker = new SiteLinkChecker(basePath, origin, pages, files, settings, new OutputLocator(options.DisplayPath(root)));
        checker.Check(sources, diagnostics);
        if (options.External)
        {
            ExternalLinkChecker.CheckAndReport(checker, settings, options.ExternalOptions ?? ExternalCheckOptions.Default, diagnostics);
        }

        return Done(diagnostics, pages.Count, checker.LinkCount, options, clock);
    }

    /// <summary>The base path and, for a full URL, the origin; <c>--base-url</c> wins over site.yml's base_url.</summary>
    private static (string BasePath, Uri? Origin) ParseBase(string? baseUrl, Uri? configured, DiagnosticBag diagnostics)
    {
        if (baseUrl is null)
        {
            return configured is null ? ("/", null) : (configured.AbsolutePath, new Uri(configured.GetLeftPart(UriPartial.Authority)));
        }

        if (baseUrl.StartsWith('/'))
        {
            return (baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", null);
        }

        if (SiteConfigLoader.ParseBaseUrl(baseUrl) is { } uri)
        {
            return (uri.AbsolutePath, new Uri(uri.GetLeftPart(UriPartial.Authority)));
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConfigWrongType, SourceSpan.WholeFile("--base-url"), $"'{baseUrl}' is neither an absolute http(s) URL nor a path starting with '/'."));
        return ("/", null);
    }

    private static FolderCheckResult Done(DiagnosticBag diagnostics, int pages, int links, FolderCheckOptions options, Stopwatch clock)
    {
        var list = diagnostics.ToSortedList();
        var failed = list.Any(d => d.Severity == Severity.Error || (options.Strict && d.Severity == Severity.Warning));
        return new FolderCheckResult(list, pages, links, !failed, clock.Elapsed);
    }
}
