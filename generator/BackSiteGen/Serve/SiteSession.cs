using System.Diagnostics;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;
using BackSiteGen.Markdown.Images;
using BackSiteGen.Site;
using Diagnostic = BackSiteGen.Diagnostics.Diagnostic;

namespace BackSiteGen.Serve;

/// <summary>The site held in memory while a writer edits it. It runs <see cref="SiteBuilder"/>'s stages — load, render
/// pages, finish (references, trust, files, the link check) — exactly as <c>build</c> does, into a
/// <see cref="MemoryOutput"/> instead of the staging folder, so what it serves is what <c>build</c> publishes.
/// Never writes to disk.</summary>
/// <remarks>What an edit runs again:
/// a page whose text changed (its front matter as written unchanged) renders again with the pages that embed it (the
/// handout embeds every exercise) and the references page; every other page keeps its render, and the finishing stage —
/// every post-render check included — runs over the whole site;
/// a page whose front matter changed (what the navigation and every page's footer read), an added or deleted file, a
/// layout, partial or theme asset (the stylesheet is inlined in every page), an image (its size is written into the pages
/// showing it), site.yml, the bibliography or the glossary: everything, from the load on;
/// any other content file: only the finishing stage, which copies it.
/// A page that fails keeps its last good bytes and is marked stale; the errors show on it and on the problems page.
/// Rebuilds are serialized; requests read <see cref="Current"/> without waiting.</remarks>
public sealed class SiteSession
{
    private readonly Lock _gate = new();
    private readonly BuildOptions _options;
    private readonly string _contentDir;
    private readonly string _themeDir;

    /// <summary>The last site that loaded; null until one did, or after a rebuild failed to load, which makes the next change reload everything.</summary>
    private SiteContext? _site;

    private RenderedSite? _rendered;
    private MemoryOutput _output = new();
    private IReadOnlyList<Diagnostic> _loadDiagnostics = [];
    private IReadOnlyList<Diagnostic> _finishDiagnostics = [];

    /// <summary>Pages whose file could not be read again since the last load: their errors, while their last good render is shown.</summary>
    private readonly Dictionary<string, IReadOnlyList<Diagnostic>> _readProblems = new(StringComparer.Ordinal);

    private Dictionary<string, SourceFile> _pageSources = new(StringComparer.Ordinal);
    private HashSet<string> _staticFiles = new(StringComparer.Ordinal);
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
            _rendered = null;
            _loadDiagnostics = [error];
            _finishDiagnostics = [];
            return Publish(trigger, _output, 0, full: true, clock);
        }
    }

    private sealed record RebuildPlan(string Trigger, bool Full, IReadOnlyList<string> Pages);

    private RebuildPlan? Plan(IReadOnlyCollection<string> changedPaths)
    {
        var full = false;
        var pages = new List<string>();
        var relevant = new List<string>();
        foreach (var path in changedPaths.Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))).Distinct(StringComparer.Ordinal))
        {
            var kind = Classify(path, pages);
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
        return new RebuildPlan(trigger, full, pages.Distinct(StringComparer.Ordinal).ToList());
    }

    private enum Change
    {
        None,
        Part,
        Everything,
    }

    private Change Classify(string path, List<string> pages)
    {
        if (Below(_themeDir, path) is { } themeRelative)
        {
            // Layouts, partials and assets alike: every page inlines the stylesheet and allows it by its hash.
            var top = themeRelative.Split('/')[0];
            // The theme's words (i18n/*.yml) are in every page too.
            return top is Templates.Theme.LayoutsFolder or "partials" or Templates.Theme.AssetsFolder or Templates.ThemeStrings.Folder || themeRelative.Length == 0 ? Change.Everything : Change.None;
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

        // An edition's own glossary (content/es/glossary.yml) links terms on every page of that edition.
        if (relative.Split('/') is [_, "glossary.yml" or "glossary.yaml"])
        {
            return Change.Everything;
        }

        // A file or folder that is now a link, or no longer a plain file, is judged as a build judges it: by loading the
        // site again, whose scan refuses what leaves the content folder and what is not a regular file.
        if (IsLinkOrSpecial(path))
        {
            return Change.Everything;
        }

        if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return Known(relative, _pageSources.ContainsKey(relative), path, () => pages.Add(relative));
        }

        // An image's width and height are written into every page that shows it.
        return ImageSize.CanRead(relative)
            ? (_staticFiles.Contains(relative) || File.Exists(path) ? Change.Everything : Change.None)
            : Known(relative, _staticFiles.Contains(relative), path, () => { }); // the finishing stage copies it again
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

    private static bool IsLinkOrSpecial(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                return true;
            }

            return info.Exists ? FileKinds.Of(path) != FileKind.Regular : false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
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
        var site = SiteBuilder.Load(_options, diagnostics, PageBodies.InMemory());
        _readProblems.Clear();
        if (site is null)
        {
            // Nothing renders without a site: every page stays as it was, with the errors on it.
            _site = null;
            _rendered = null;
            _loadDiagnostics = diagnostics.ToSortedList();
            _finishDiagnostics = [];
            return Publish(trigger, _output, 0, full: true, clock);
        }

        _pageSources = site.Inventory.Pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        _staticFiles = site.Inventory.StaticFiles.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var output = new MemoryOutput();
        var rendered = SiteBuilder.RenderPages(site, output, progress);
        var finished = SiteBuilder.Finish(site, rendered, output);
        foreach (var page in rendered.Pages.Where(p => !p.Rendered))
        {
            if (_output.Files.TryGetValue(page.Page.OutputPath, out var old))
            {
                output.Restore(page.Page.OutputPath, old);
            }
        }

        (_site, _rendered, _loadDiagnostics, _finishDiagnostics) = (site, rendered, diagnostics.ToSortedList(), finished.Diagnostics);
        return Publish(trigger, output, rendered.Pages.Count, full: true, clock);
    }

    private RebuildReport Incremental(SiteContext site, RebuildPlan plan, Stopwatch clock)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in plan.Pages)
        {
            var bag = new DiagnosticBag();
            var text = SiteBuilder.ReadPage(_pageSources[relative], bag);
            if (text is null)
            {
                // Keep serving the page as it was; its errors show on top of it until it is fixed.
                _readProblems[relative] = bag.ToSortedList();
                continue;
            }

            // The front matter feeds the navigation, the footer, the review checks and the JSON-LD of this and other
            // pages: only an edit of the text alone can stay with this page and those embedding it.
            var old = site.Index.PageAt(relative);
            if (old is null || bag.ToSortedList().Count > 0 || text.Page.BodyLine != old.BodyLine
                || !string.Equals(text.FrontMatterText, site.Bodies.FrontMatterTextOf(relative), StringComparison.Ordinal))
            {
                return Full(plan.Trigger, clock);
            }

            _readProblems.Remove(relative);
            site.Bodies.Keep(new PageText(old, text.Body) { FrontMatterText = text.FrontMatterText });
            changed.Add(relative);
        }

        var output = new MemoryOutput(_output);
        var rendered = SiteBuilder.RenderPages(site, output, previous: _rendered, changed: changed);
        var finished = SiteBuilder.Finish(site, rendered, output);
        var kept = new HashSet<PageOutcome>(_rendered?.Pages ?? [], ReferenceEqualityComparer.Instance);
        var again = rendered.Pages.Count(p => !kept.Contains(p));
        (_rendered, _finishDiagnostics) = (rendered, finished.Diagnostics);
        return Publish(plan.Trigger, output, again, full: false, clock);
    }

    private RebuildReport Publish(string trigger, MemoryOutput output, int pagesRendered, bool full, Stopwatch clock)
    {
        var all = _loadDiagnostics
            .Concat(_rendered?.Diagnostics ?? [])
            .Concat(_finishDiagnostics)
            .Concat(_readProblems.Values.SelectMany(d => d))
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var problems = all.Where(d => d.Severity is Severity.Error or Severity.Warning).ToList();

        var pageSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var stale = new HashSet<string>(StringComparer.Ordinal);
        if (_site is null || _rendered is null)
        {
            // Nothing loaded: whatever is shown is from before.
            foreach (var (path, source) in _current.PageSources)
            {
                pageSources[path] = source;
                stale.Add(path);
            }
        }
        else
        {
            foreach (var page in _rendered.Pages)
            {
                pageSources[page.Page.OutputPath] = page.Page.Source.DisplayPath;
                if (!page.Rendered || _readProblems.ContainsKey(page.Page.Source.RelativePath))
                {
                    stale.Add(page.Page.OutputPath);
                }
            }
        }

        var before = _current;
        var files = output.Files;
        var changed = before.Files.Keys.Where(k => !files.ContainsKey(k))
            .Concat(files.Where(f => !before.Files.TryGetValue(f.Key, out var old) || !(ReferenceEquals(old, f.Value) || old.AsSpan().SequenceEqual(f.Value))).Select(f => f.Key))
            .Order(StringComparer.Ordinal)
            .ToList();
        var problemsChanged = !problems.SequenceEqual(before.Problems) || !stale.SetEquals(before.Stale);
        _output = output;
        var site = new ServedSite(new Dictionary<string, byte[]>(files, StringComparer.Ordinal), problems, _site?.Config.BasePath ?? before.BasePath, before.Version + 1)
        {
            PageSources = pageSources,
            Stale = stale,
            // What only warns in the preview stops a build.
            BuildWouldFail = SiteBuilder.Fails(all.Select(d => Trust.PageLint.StopsBuild(d) ? d with { Severity = Severity.Error } : d), _options),
        };
        _current = site;
        return new RebuildReport(trigger, changed, all, pagesRendered, full, problemsChanged, site, clock.Elapsed);
    }
}
