using System.Diagnostics;
using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Site;
using Diagnostic = BackSiteGen.Diagnostics.Diagnostic;

namespace BackSiteGen.Serve;

/// <summary>The site held in memory while a writer edits it: built once like <c>build</c> does, then rebuilt
/// incrementally from the files that changed, re-using <see cref="SiteBuilder"/>'s loading and <see cref="PageRenderer"/>,
/// so whatever those learn, <c>serve</c> shows too. Never writes to disk.</summary>
/// <remarks>What an edit rebuilds:
/// a page whose text changed re-renders that page and the pages linking to it;
/// a page whose title, order, URL, draft flag or date changed moves in the navigation every page shows, so everything reloads,
/// as do added or deleted pages, templates, and the data files (site.yml, the bibliography, the glossary);
/// a static file or theme asset is re-read alone.
/// A rebuild that fails keeps the last good bytes of every file and records the errors as <see cref="ServedSite.Problems"/>.
/// Rebuilds are serialized; requests read <see cref="Current"/> without waiting.</remarks>
public sealed class SiteSession
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _gate = new();
    private readonly BuildOptions _options;
    private readonly string _contentDir;
    private readonly string _themeDir;

    /// <summary>The last site that loaded; null until one did, or after a rebuild failed to load, which makes the next change reload everything.</summary>
    private SiteContext? _site;

    private Dictionary<string, SourceFile> _pageSources = new(StringComparer.Ordinal);
    private HashSet<string> _staticFiles = new(StringComparer.Ordinal);

    /// <summary>Per page: the diagnostics of its last read and render, so fixing one page clears exactly its errors.</summary>
    private readonly Dictionary<string, IReadOnlyList<Diagnostic>> _pageProblems = new(StringComparer.Ordinal);

    /// <summary>Per page: the URLs its links point at (without #fragment), to find the pages that depend on an edited one.</summary>
    private readonly Dictionary<string, HashSet<string>> _linkTargets = new(StringComparer.Ordinal);

    private IReadOnlyList<Diagnostic> _siteProblems = [];
    private volatile ServedSite _current = ServedSite.Empty;

    public SiteSession(BuildOptions options)
    {
        _options = options;
        _contentDir = options.FullPath(options.ContentDir);
        _themeDir = options.FullPath(options.ThemeDir);
    }

    public BuildOptions Options => _options;

    /// <summary>The folders whose changes matter: the content and the theme.</summary>
    public IReadOnlyList<string> WatchedFolders => [_contentDir, _themeDir];

    /// <summary>The site as it is served right now.</summary>
    public ServedSite Current => _current;

    /// <summary>Builds everything, as at start.</summary>
    /// <param name="progress">Told how many pages are rendered, for the progress line of a long first build.</param>
    public RebuildReport Reload(string trigger = "start", IProgress<BuildProgress>? progress = null)
    {
        lock (_gate)
        {
            var clock = Stopwatch.StartNew();
            return Guarded(trigger, clock, () => Full(trigger, clock, progress));
        }
    }

    /// <summary>Rebuilds what the changed files affect. Returns null when none of them is part of the site
    /// (an editor's swap file, a file in an ignored folder).</summary>
    /// <param name="changedPaths">Absolute paths of files or folders that were created, changed, renamed or deleted.</param>
    public RebuildReport? Apply(IReadOnlyCollection<string> changedPaths)
    {
        lock (_gate)
        {
            var clock = Stopwatch.StartNew();
            var plan = Plan(changedPaths);
            if (plan is null)
            {
                return null;
            }

            return Guarded(plan.Trigger, clock, () => plan.Full || _site is null ? Full(plan.Trigger, clock) : Incremental(_site, plan, clock));
        }
    }

    /// <summary>The server must never die on bad content, nor on a bug a rebuild runs into: the bug is shown like an error.</summary>
    private RebuildReport Guarded(string trigger, Stopwatch clock, Func<RebuildReport> rebuild)
    {
        try
        {
            return rebuild();
        }
        catch (Exception ex)
        {
            var error = Diagnostic.Error(DiagnosticCodes.InternalError, SourceSpan.WholeFile(trigger), $"BackSiteGen failed while rebuilding ({ex.GetType().Name}: {ex.Message}). This is a bug in BackSiteGen; the last good pages are still served.");
            _site = null;
            _siteProblems = [error];
            return Publish(trigger, new Dictionary<string, byte[]>(_current.Files, StringComparer.Ordinal), [], [error], 0, full: true, clock);
        }
    }

    private sealed record RebuildPlan(string Trigger, bool Full, IReadOnlyList<string> Pages, IReadOnlyList<(string OutputPath, string FullPath)> Files);

    private RebuildPlan? Plan(IReadOnlyCollection<string> changedPaths)
    {
        var full = false;
        var pages = new List<string>();
        var files = new List<(string, string)>();
        var relevant = new List<string>();
        foreach (var path in changedPaths.Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))).Distinct(StringComparer.Ordinal))
        {
            var kind = Classify(path, pages, files);
            if (kind != Change.None)
            {
                relevant.Add(_options.DisplayPath(path));
                full |= kind == Change.Everything;
            }
        }

        if (relevant.Count == 0)
        {
            return null;
        }

        relevant.Sort(StringComparer.Ordinal);
        var trigger = relevant.Count == 1 ? relevant[0] : $"{relevant[0]} and {relevant.Count - 1} more";
        return new RebuildPlan(trigger, full, pages.Distinct(StringComparer.Ordinal).ToList(), files);
    }

    private enum Change
    {
        None,
        Part,
        Everything,
    }

    private Change Classify(string path, List<string> pages, List<(string, string)> files)
    {
        if (Below(_themeDir, path) is { } themeRelative)
        {
            if (themeRelative.StartsWith(Templates.Theme.AssetsFolder + "/", StringComparison.Ordinal))
            {
                return Known(themeRelative, _current.Files.ContainsKey(themeRelative), path, () => files.Add((themeRelative, path)));
            }

            var top = themeRelative.Split('/')[0];
            return top is Templates.Theme.LayoutsFolder or "partials" or Templates.Theme.AssetsFolder || themeRelative.Length == 0 ? Change.Everything : Change.None;
        }

        var relative = Below(_contentDir, path);
        if (relative is null || relative.Length == 0)
        {
            return relative is null ? Change.None : Change.Everything;
        }

        // The scanner skips names starting with '.' or '_': editors' swap and backup files live there too.
        if (relative.Split('/').Any(segment => segment.StartsWith('.') || segment.StartsWith('_')))
        {
            return Change.None;
        }

        if (!relative.Contains('/', StringComparison.Ordinal) && ContentScanner.DataFiles.Contains(relative, StringComparer.Ordinal))
        {
            return Change.Everything;
        }

        return relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? Known(relative, _pageSources.ContainsKey(relative), path, () => pages.Add(relative))
            : Known(relative, _staticFiles.Contains(relative), path, () => files.Add((relative, path)));
    }

    /// <summary>A known file that still exists is rebuilt alone; a file that appeared or disappeared, or a folder, changes the site's shape.</summary>
    private Change Known(string relative, bool known, string path, Action alone)
    {
        if (known && File.Exists(path))
        {
            alone();
            return Change.Part;
        }

        var folder = relative + "/";
        var holdsPartOfSite = _pageSources.Keys.Concat(_staticFiles).Any(k => k.StartsWith(folder, StringComparison.Ordinal));
        if (Directory.Exists(path))
        {
            // A folder the site already uses reports its files' changes one by one; a new one (moved in whole) may hold anything.
            return holdsPartOfSite ? Change.None : Change.Everything;
        }

        if (known || File.Exists(path))
        {
            return Change.Everything;
        }

        // Gone: an editor's temporary file is nothing; a deleted folder took part of the site with it.
        return holdsPartOfSite ? Change.Everything : Change.None;
    }

    private static string? Below(string root, string path)
    {
        if (string.Equals(root, path, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path[(root.Length + 1)..].Replace('\\', '/') : null;
    }

    private RebuildReport Full(string trigger, Stopwatch clock, IProgress<BuildProgress>? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteBuilder.Load(_options, diagnostics);
        var previous = _current.Files;
        if (site is null)
        {
            _site = null;
            _siteProblems = diagnostics.ToSortedList();
            return Publish(trigger, new Dictionary<string, byte[]>(previous, StringComparer.Ordinal), [], _siteProblems, 0, full: true, clock);
        }

        _pageSources = site.Inventory.Pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        _staticFiles = site.Inventory.StaticFiles.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        _pageProblems.Clear();
        _linkTargets.Clear();

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var pageDiagnostics = RenderPages(site, site.Index.Pages, files, previous, readDiagnostics: null, progress);
        foreach (var file in site.Inventory.StaticFiles)
        {
            ReadFile(file.RelativePath, file.FullPath, file.DisplayPath, files, diagnostics);
        }

        foreach (var (fullPath, relative) in SiteBuilder.ThemeAssets(site.Theme))
        {
            ReadFile(relative, fullPath, site.Theme.DisplayPathOf(relative), files, diagnostics);
        }

        foreach (var (path, text) in SiteBuilder.RenderSiteFiles(site, diagnostics))
        {
            files[path] = Utf8NoBom.GetBytes(text);
        }

        _site = site;
        _siteProblems = diagnostics.ToSortedList();
        var changed = previous.Keys.Where(k => !files.ContainsKey(k))
            .Concat(files.Where(f => !previous.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)).Select(f => f.Key))
            .ToList();
        return Publish(trigger, files, changed, _siteProblems.Concat(pageDiagnostics).ToList(), site.Index.Pages.Count, full: true, clock);
    }

    private RebuildReport Incremental(SiteContext site, RebuildPlan plan, Stopwatch clock)
    {
        var files = new Dictionary<string, byte[]>(_current.Files, StringComparer.Ordinal);
        var changed = new List<string>();
        var diagnostics = new DiagnosticBag();
        foreach (var (outputPath, fullPath) in plan.Files)
        {
            var before = files.GetValueOrDefault(outputPath);
            if (ReadFile(outputPath, fullPath, _options.DisplayPath(fullPath), files, diagnostics) && (before is null || !before.AsSpan().SequenceEqual(files[outputPath])))
            {
                changed.Add(outputPath);
            }
        }

        var edited = new List<string>();
        var readDiagnostics = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        foreach (var relative in plan.Pages)
        {
            var bag = new DiagnosticBag();
            var page = SiteBuilder.ReadPage(_pageSources[relative], bag);
            readDiagnostics[relative] = bag.ToSortedList();
            if (page is null)
            {
                // Keep serving the page as it was; its errors show on top of it until it is fixed.
                _pageProblems[relative] = readDiagnostics[relative];
                continue;
            }

            if (site.Index.PageAt(relative) is not { } old || !SiteBuilder.IsPublished(page, _options) || MovesInNavigation(old, page))
            {
                return Full(plan.Trigger, clock);
            }

            site = site with { Index = site.Index.WithPage(page) };
            edited.Add(relative);
        }

        // Pages that link to an edited page render again: their link checks may depend on its headings.
        var toRender = new HashSet<string>(edited, StringComparer.Ordinal);
        foreach (var relative in edited)
        {
            var url = site.Index.WithBasePath(site.Index.PageAt(relative)!.Url);
            toRender.UnionWith(_linkTargets.Where(t => t.Value.Contains(url)).Select(t => t.Key));
        }

        var pages = toRender.Order(StringComparer.Ordinal).Select(r => site.Index.PageAt(r)).OfType<Page>().ToList();
        var before2 = _current.Files;
        var pageDiagnostics = RenderPages(site, pages, files, before2, readDiagnostics);
        changed.AddRange(pages.Select(p => p.OutputPath).Where(p => files.TryGetValue(p, out var now) && (!before2.TryGetValue(p, out var old) || !old.AsSpan().SequenceEqual(now))));
        _site = site;
        var all = diagnostics.ToSortedList().Concat(pageDiagnostics).Concat(readDiagnostics.Where(r => !toRender.Contains(r.Key)).SelectMany(r => r.Value)).ToList();
        return Publish(plan.Trigger, files, changed, all, pages.Count, full: false, clock);
    }

    /// <summary>Anything the navigation shows on every page, or where the page lives.</summary>
    private static bool MovesInNavigation(Page old, Page now) =>
        old.FrontMatter.Title != now.FrontMatter.Title
        || old.FrontMatter.Order != now.FrontMatter.Order
        || old.FrontMatter.Draft != now.FrontMatter.Draft
        || old.FrontMatter.Date != now.FrontMatter.Date
        || old.Url != now.Url
        || old.OutputPath != now.OutputPath;

    /// <summary>Renders pages in parallel into <paramref name="files"/>; a page that fails keeps its previous bytes.</summary>
    private List<Diagnostic> RenderPages(SiteContext site, IReadOnlyList<Page> pages, Dictionary<string, byte[]> files, IReadOnlyDictionary<string, byte[]> previous, Dictionary<string, IReadOnlyList<Diagnostic>>? readDiagnostics, IProgress<BuildProgress>? progress = null)
    {
        var results = new (RenderedPage? Rendered, IReadOnlyList<Diagnostic> Diagnostics)[pages.Count];
        var done = 0;
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var bag = new DiagnosticBag();
            var rendered = PageRenderer.Render(pages[i], site, bag);
            results[i] = (rendered, bag.ToSortedList());
            progress?.Report(new BuildProgress(Interlocked.Increment(ref done), pages.Count));
        });

        var all = new List<Diagnostic>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var relative = page.Source.RelativePath;
            var (rendered, diagnostics) = results[i];
            if (readDiagnostics?.GetValueOrDefault(relative) is { Count: > 0 } read)
            {
                diagnostics = [.. read, .. diagnostics];
            }

            _pageProblems[relative] = diagnostics;
            all.AddRange(diagnostics);
            if (rendered is not null)
            {
                files[page.OutputPath] = Utf8NoBom.GetBytes(rendered.Html);
                _linkTargets[relative] = rendered.Content.Links.Select(l => l.Rendered.Split('#', '?')[0]).ToHashSet(StringComparer.Ordinal);
            }
            else if (previous.TryGetValue(page.OutputPath, out var old))
            {
                files[page.OutputPath] = old;
            }
        }

        return all;
    }

    private static bool ReadFile(string outputPath, string fullPath, string display, Dictionary<string, byte[]> files, DiagnosticBag diagnostics)
    {
        try
        {
            files[outputPath] = File.ReadAllBytes(fullPath);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(display), $"Cannot read the file: {ex.Message}"));
            return false;
        }
    }

    private RebuildReport Publish(string trigger, Dictionary<string, byte[]> files, List<string> changed, IReadOnlyList<Diagnostic> diagnostics, int pagesRendered, bool full, Stopwatch clock)
    {
        var problems = _siteProblems.Concat(_pageProblems.Values.SelectMany(d => d))
            .Where(d => d.Severity == Severity.Error)
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var previous = _current;
        var problemsChanged = !problems.SequenceEqual(previous.Problems);
        var site = new ServedSite(files, problems, _site?.Config.BasePath ?? previous.BasePath, previous.Version + 1);
        _current = site;
        changed.Sort(StringComparer.Ordinal);
        var sorted = diagnostics.Distinct().OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new RebuildReport(trigger, changed, sorted, pagesRendered, full, problemsChanged, site, clock.Elapsed);
    }
}
