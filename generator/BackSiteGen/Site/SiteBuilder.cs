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
    /// <summary>Files the build writes itself; a page or file of the same name collides with them.</summary>
    internal static readonly string[] GeneratedFiles = ["sitemap.xml", "robots.txt", "404.html", ".nojekyll"];

    /// <summary><c>build</c>: the pipeline's stages in order, with the staging folder as the place bytes go, swapped in
    /// only when nothing failed.</summary>
    /// <param name="progress">Told how many pages are rendered so far, so a terminal can show a progress line.</param>
    public static BuildResult Build(BuildOptions options, IProgress<BuildProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var stages = new StageClock();
        BuiltSite built;
        try
        {
            built = BuildInto(options, diagnostics, progress, stages);
        }
        finally
        {
            BuildCollector.Resume();
        }

        var sorted = diagnostics.ToSortedList();
        var report = TrustReport.From(built.Rendered?.Summaries.Select(p => p.Trust).OfType<Trust.PageFacts>() ?? [], sorted) with
        {
            Translations = built.Site is null ? [] : TranslationFreshness.Statuses(built.Site),
            Inflesz = built.Site is null ? (55, 65) : (built.Site.Trust.Readability.MinInflesz, built.Site.Trust.Readability.GoalInflesz),
        };
        stages.Mark("report");
        return new BuildResult(sorted, built.Pages, built.Files, built.Succeeded, clock.Elapsed) { Report = report, Stages = stages.Stages };
    }

    private sealed record BuiltSite(bool Succeeded, int Pages, int Files, RenderedSite? Rendered)
    {
        public SiteContext? Site { get; init; }
    }

    private static BuiltSite BuildInto(BuildOptions options, DiagnosticBag diagnostics, IProgress<BuildProgress>? progress, StageClock stages)
    {
        // Before anything can fail: a swap a crash left half done is put back first, so the output is complete either way.
        OutputFolder.RecoverInterrupted(options.FullPath(options.OutputDir), options.OutputDir, diagnostics);
        // The last build's record is read first: its stamps of the inputs spare reading the files that did not change.
        var fingerprinted = (options.KeepUnchanged && !options.External) || options.ReusePages;
        var last = fingerprinted ? LastRecord(options, diagnostics) : null;
        if (last is not null)
        {
            stages.Mark("read the last build's record");
        }

        var inputs = fingerprinted ? InputFingerprint.Of(options, last?.InputStamps) : null;
        if (inputs is not null)
        {
            stages.Mark($"fingerprint inputs ({inputs.FilesRead:N0} of {inputs.Files:N0} files read)");
        }

        if (inputs is not null && options.KeepUnchanged && !options.External && Unchanged(options, inputs.Whole, diagnostics, last) is { } kept)
        {
            stages.Mark("compare output");
            return kept;
        }

        // A build that will reuse pages (the last build recorded them for these same shared inputs) reads the site with the
        // collector held off; any other from when it reads the record (see BuildCollector). It reads the record's pages
        // first: their front matter spares reading every page's file again.
        // A damaged record fails that test too, so it is read whenever it is of this format, to say so.
        CachedRecord? lastRecord = null;
        if (inputs is not null && last?.PageCache is { Version: PageCache.Version } lastPages)
        {
            if (PageCache.IsFor(lastPages.Record, inputs.Shared))
            {
                BuildCollector.HoldOff(BuildCollector.ForReuse(lastPages.Record.Length));
            }

            if (options.ReusePages)
            {
                lastRecord = PageCache.Read(lastPages.Record, inputs.Shared, out var damaged);
                if (damaged)
                {
                    diagnostics.Add(Diagnostic.Note(DiagnosticCodes.PageCacheIgnored, SourceSpan.WholeFile(options.OutputDir + "/" + OutputFolder.MarkerFile), "The record of the last build's pages in this file is damaged; it was ignored, and every page is rendered again."));
                }

                stages.Mark("read the last build's pages");
            }
        }

        var site = Load(options, diagnostics, PageBodies.OnDisk(), stages, lastRecord?.Pages);
        if (site is null)
        {
            return new BuiltSite(false, 0, 0, null);
        }

        using var folder = OutputFolder.Open(options.FullPath(options.OutputDir), options.OutputDir, options.BaseDirectory, ProtectedFolders(site), diagnostics, options.Force);
        if (folder is null)
        {
            return new BuiltSite(false, 0, 0, null);
        }

        RenderedSite rendered;
        FinishedSite finished;
        ReusedPages? reused;
        var previous = PreviousSite.At(folder.Target, last?.FileHashes);
        var output = new StagingFolderOutput(folder.Staging, previous, inPlace: folder.CanCommitInPlace);
        try
        {
            reused = null;
            if (inputs is not null && options.ReusePages && previous is not null)
            {
                BuildCollector.HoldOff();
                reused = ReusablePages(site, inputs, output, last, lastRecord);
            }

            if (reused is not null)
            {
                stages.Mark($"keep unchanged pages ({reused.Pages.Count:N0} of {site.Index.Pages.Count:N0})");
            }

            BuildCollector.BeforeRendering(RendersMostPages(site, reused));
            rendered = RenderPages(site, output, progress, reused?.Pages is { } keptPages ? new RenderedSite(keptPages) : null, reused?.Changed);
            diagnostics.AddRange(rendered.Diagnostics);
            stages.Mark("render, write, extract links");
            finished = Finish(site, rendered, output, options.External, stages, () => PagesToCheck(rendered, reused, last, output.Manifest, options.External));
            diagnostics.AddRange(finished.Diagnostics);
        }
        catch (Exception ex) when (FileSystemFailure.Of(ex) is { } io)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(options.OutputDir), $"Cannot write the site: {io.Message}"));
            return new BuiltSite(false, 0, 0, null);
        }

        var pages = site.Index.Pages.Count;
        if (Fails(diagnostics.ToSortedList(), options))
        {
            return new BuiltSite(false, pages, finished.Files, rendered) { Site = site };
        }

        try
        {
            // Recorded as kept-able only when its inputs did not change while it ran; with its findings, but for those
            // about earlier builds' leftovers, which the same inputs would not find again.
            var keepable = inputs is not null && inputs.StillCurrent(options);
            if (keepable)
            {
                stages.Mark("check inputs");
            }

            var findings = diagnostics.ToSortedList().Where(d => d.Code is not DiagnosticCodes.BuildStateIgnored and not DiagnosticCodes.PageCacheIgnored and not DiagnosticCodes.OutputRecovered);
            var cache = keepable ? (PageCache.Version, PageCache.WriteParts(inputs!.Shared, CacheablePages(rendered, inputs), reused?.Record, reused?.Kept, site.ReadWithFindings)) : ((string, IReadOnlyList<ReadOnlyMemory<byte>>)?)null;
            if (keepable)
            {
                stages.Mark("record the pages");
            }

            // The inputs' stamps are kept only by a build into an existing output, as the stamps of kept files are: a build
            // into a new folder (CI's) writes a marker with no time in it.
            folder.Describe(marker => output.Manifest.WriteMarker(marker, keepable ? inputs!.Whole : null, pages, finished.Files, findings, cache, keepable && previous is not null ? inputs!.Stamps() : null));
            stages.Mark("write the record");
            stages.Mark(folder.Commit(output));
        }
        catch (Exception ex) when (FileSystemFailure.Of(ex) is { } io)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(options.OutputDir), $"Cannot swap the new site in: {io.Message}"));
            return new BuiltSite(false, pages, finished.Files, rendered) { Site = site };
        }

        return new BuiltSite(true, pages, finished.Files, rendered) { Site = site };
    }

    /// <summary><c>translations</c>: every translation pair with its status and its source's current fingerprint, read
    /// without rendering anything; null when the site cannot be loaded (the diagnostics say why).</summary>
    public static IReadOnlyList<TranslationStatus>? TranslationStatuses(BuildOptions options, DiagnosticBag diagnostics) =>
        Load(options, diagnostics, PageBodies.OnDisk()) is { } site ? TranslationFreshness.Statuses(site) : null;

    /// <summary>The record in the marker of the output the last build left, read once, before anything else; null when
    /// there is none, it cannot be read or it is damaged. Any doubt means a full build, which says what is wrong.</summary>
    private static OutputManifest.Recorded? LastRecord(BuildOptions options, DiagnosticBag diagnostics)
    {
        var target = options.FullPath(options.OutputDir);
        try
        {
            if (!Directory.Exists(target))
            {
                return null;
            }

            var recorded = OutputManifest.Read(target, out var damaged);
            if (!damaged)
            {
                return recorded;
            }

            diagnostics.Add(Diagnostic.Note(DiagnosticCodes.BuildStateIgnored, SourceSpan.WholeFile(options.OutputDir + "/" + OutputFolder.MarkerFile), "The record of the last build in this file is damaged or not BackSiteGen's; it was ignored, and the site is built in full."));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The output as the last build left it, with that build's findings, when it was built from exactly these
    /// inputs and every file it wrote is still there byte for byte with nothing added; null (build it) otherwise.</summary>
    /// <param name="recorded">The record in its marker, as <see cref="LastRecord"/> read it.</param>
    private static BuiltSite? Unchanged(BuildOptions options, string inputs, DiagnosticBag diagnostics, OutputManifest.Recorded? recorded)
    {
        var target = options.FullPath(options.OutputDir);
        try
        {
            // Leftovers of an interrupted build beside the output are cleared by a full build, under the output's lock.
            if (recorded?.Inputs != inputs || Path.GetDirectoryName(target) is not { } parent
                || Directory.EnumerateFileSystemEntries(parent, $".backsitegen-{Path.GetFileName(target)}-staging*").Any()
                || !OutputManifest.Matches(target, recorded.FileHashes, OutputFolder.RepositoryFiles, recorded.Stamps))
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        diagnostics.AddRange(recorded.Findings);
        diagnostics.Add(Diagnostic.Note(DiagnosticCodes.BuildUnchanged, SourceSpan.WholeFile(options.OutputDir), $"Nothing changed since the last build into '{options.OutputDir}', which is still exactly as it was written; it was kept, and what that build found is printed again. (--report or --external builds it again.)"));
        return new BuiltSite(true, recorded.Pages, recorded.Files, null);
    }

    /// <summary>The pages of a page edit's outcome that the next build may reuse: each rendered page with its body's hash.</summary>
    private static IEnumerable<(PageOutcome Outcome, string Body)> CacheablePages(RenderedSite rendered, InputFingerprint inputs)
    {
        foreach (var outcome in rendered.Pages)
        {
            if (outcome.Rendered && inputs.Bodies.TryGetValue(outcome.Page.Source.RelativePath, out var body))
            {
                yield return (outcome, body);
            }
        }
    }

    /// <summary>What the last build into this output left of each page it can give again without rendering it, and which
    /// pages' bodies changed since.</summary>
    /// <remarks>With the record they came from, whose parts the new record copies where all their pages were kept.</remarks>
    private sealed record ReusedPages(IReadOnlyList<PageOutcome> Pages, IReadOnlySet<string> Changed, CachedRecord Record)
    {
        /// <summary>The kept outcomes, by reference: a page rendered again, even to the same outcome, is not among them.</summary>
        public HashSet<PageOutcome> Kept { get; } = new(Pages, ReferenceEqualityComparer.Instance);
    }

    /// <summary>The pages whose outcome the last build recorded for these same shared inputs (configuration, theme, data
    /// files, every page's front matter: see <see cref="InputFingerprint"/>), whose body is unchanged, that embed no changed
    /// page and are not a references page (which lists what every page cites), and whose file in the previous site is
    /// still byte for byte what that build recorded: each such file is taken into staging, and its outcome is reused.
    /// Null when nothing can be reused (another configuration, no record, a damaged one).</summary>
    /// <param name="recorded">The marker's record as <see cref="LastRecord"/> read it before the build took the output's
    /// lock; null (nothing reused) when there was none or it was damaged. Another build may have committed since, but
    /// nothing is taken on the record's word: a page is kept only when its file is still what the record says, by its bytes
    /// or its unchanged stamp, and its outcome is the one the record holds for exactly those bytes.</param>
    /// <param name="cachedRecord">Its pages, read for these shared inputs; null when it holds none for them.</param>
    private static ReusedPages? ReusablePages(SiteContext site, InputFingerprint inputs, StagingFolderOutput output, OutputManifest.Recorded? recorded, CachedRecord? cachedRecord)
    {
        if (recorded is null || cachedRecord is not { Pages: var cached })
        {
            return null;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in site.Index.Pages)
        {
            var path = page.Source.RelativePath;
            if (!cached.TryGetValue(path, out var entry) || !inputs.Bodies.TryGetValue(path, out var body) || entry.Body != body)
            {
                changed.Add(path);
            }
        }

        var candidates = new List<(Page Page, CachedPage Entry, long Size, string Hash, FileStamp? Stamp)>();
        foreach (var page in site.Index.Pages)
        {
            var path = page.Source.RelativePath;
            if (!changed.Contains(path) && cached[path] is var entry && entry.OutputPath == page.OutputPath
                && !entry.EmbeddedPages.Any(changed.Contains) && !ReferencesPage.Is(page, site.Theme)
                && recorded.FileHashes.TryGetValue(OutputManifest.Normalize(page.OutputPath), out var file))
            {
                candidates.Add((page, entry, file.Size, file.Hash, recorded.Stamps.TryGetValue(OutputManifest.Normalize(page.OutputPath), out var stamp) ? stamp : null));
            }
        }

        var kept = new PageOutcome?[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (page, entry, size, hash, stamp) = candidates[i];
            if (entry.Attach(page, site.Bibliography) is { } outcome && output.Keep(page.OutputPath, size, hash, stamp))
            {
                kept[i] = outcome;
            }
        });
        return new ReusedPages(kept.OfType<PageOutcome>().ToList(), changed, cachedRecord);
    }

    /// <summary>The output paths of the pages whose links a build into the last build's output must check, when checking
    /// the pages it kept would find nothing, as it found nothing of them last time; null (check every page) otherwise.</summary>
    /// <remarks>A kept page's links are checked against the site's files and its anchors against the ids of the pages it
    /// links to; its own facts are those the last build checked, and under the same shared inputs (configuration, the
    /// link settings, the base URL and the day included) its check gives what it gave then when: the last build reported
    /// nothing of any link, so it found nothing on the kept pages; this build writes the same files, by name, as that one;
    /// every page has its facts; and each page rendered again keeps its output path and its ids (an edit that adds or
    /// renames a heading makes every page checked again). The shared inputs cover every file but the pages' bodies, so
    /// the same files follow from kept pages; that is checked here, not assumed. Never with <c>--external</c>, which looks
    /// at every page's links to other sites. On a one-page edit of 2,000 pages, resolving every kept page's links again
    /// was the largest of its stages.</remarks>
    private static HashSet<string>? PagesToCheck(RenderedSite rendered, ReusedPages? reused, OutputManifest.Recorded? last, OutputManifest written, bool external)
    {
        if (external || reused is null || last is null || last.Findings.Any(f => LinkFindingCodes.Contains(f.Code)))
        {
            return null;
        }

        if (written.Files.Count != last.FileHashes.Count || !written.Files.Keys.All(last.FileHashes.ContainsKey))
        {
            return null;
        }

        var only = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in rendered.Pages)
        {
            if (outcome.Links is not { } facts)
            {
                return null;
            }

            if (reused.Kept.Contains(outcome))
            {
                continue;
            }

            if (!reused.Record.Pages.TryGetValue(outcome.Page.Source.RelativePath, out var before) || before.LinksOutputPath != facts.OutputPath
                || before.ForLinks.Ids.Count != facts.ForLinks.Ids.Count || !facts.ForLinks.Ids.Keys.All(before.ForLinks.Ids.ContainsKey))
            {
                return null;
            }

            only.Add(facts.OutputPath);
        }

        return only;
    }

    /// <summary>The codes the link check reports under (whatever severity the site gives them).</summary>
    private static readonly HashSet<string> LinkFindingCodes = [.. Enum.GetValues<LinkCheck>().Select(LinkCheckSettings.CodeOf), DiagnosticCodes.BasePathMismatch];

    /// <summary>Whether at least half of the site's pages are about to render (none is kept from the last build).</summary>
    private static bool RendersMostPages(SiteContext site, ReusedPages? reused) =>
        reused is null || reused.Pages.Count * 2 <= site.Index.Pages.Count;

    /// <summary>Whether these findings stop a build from publishing: any error, or any warning under <c>--strict</c>.</summary>
    public static bool Fails(IEnumerable<Diagnostic> diagnostics, BuildOptions options) =>
        diagnostics.Any(d => d.Severity == Severity.Error || (options.Strict && d.Severity == Severity.Warning));

    /// <summary>Stage 1: reads the configuration, the content and the theme, and computes what every page shares.
    /// Returns null when errors make rendering pointless (the diagnostics say why).</summary>
    /// <param name="bodies">Where page bodies go between reading and rendering: left on disk by a build (it renders each page
    /// once), kept in memory by <c>serve</c>.</param>
    public static SiteContext? Load(BuildOptions options, DiagnosticBag diagnostics, PageBodies bodies, StageClock? stages = null) =>
        Load(options, diagnostics, bodies, stages, known: null);

    /// <inheritdoc cref="Load(BuildOptions, DiagnosticBag, PageBodies, StageClock?)"/>
    /// <param name="known">The last build's pages, from a record written for these same shared inputs (see
    /// <see cref="CachedPage.FrontMatter"/>): a page whose front matter it holds is not read from its file.</param>
    private static SiteContext? Load(BuildOptions options, DiagnosticBag diagnostics, PageBodies bodies, StageClock? stages, IReadOnlyDictionary<string, CachedPage>? known)
    {
        var contentDir = options.FullPath(options.ContentDir);
        var themeDir = options.FullPath(options.ThemeDir);
        if (!RequireFolder(contentDir, options.ContentDir, "content", diagnostics) | !RequireFolder(themeDir, options.ThemeDir, "theme", diagnostics))
        {
            return null;
        }

        var displayContent = options.DisplayPath(contentDir);
        var config = SiteConfigLoader.Load(contentDir, displayContent, options.BaseUrl, diagnostics);
        var editions = Editions.From(config);
        var inventory = WithoutEditionDataFiles(ContentScanner.Scan(contentDir, displayContent, diagnostics), editions);
        var theme = Theme.Load(themeDir, options.DisplayPath(themeDir), diagnostics);
        var bibliography = BibliographyLoader.Load(contentDir, displayContent, diagnostics);
        stages?.Mark("config, scan, theme, bibliography");
        var (pages, readWithFindings, fromFiles) = ReadPages(inventory.Pages, options, diagnostics, bodies, editions, bodies.KeepsBodies ? null : known);
        stages?.Mark(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"read pages ({fromFiles:N0} of {inventory.Pages.Count:N0} from their files)"));
        var index = MapUrls(pages, inventory.StaticFiles, theme, config, diagnostics, editions);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var (trust, glossaries) = TrustStage.Load(options, config, index, editions, diagnostics);
        var translations = Translations.Build(index.Pages, index, editions, diagnostics);
        var withPages = index.Pages.Select(p => p.Language).ToHashSet(StringComparer.Ordinal);
        var stringProblems = new DiagnosticBag();
        var strings = ThemeStrings.Load(theme, editions.All.Select(e => e.Code), editions.Default.Code, withPages, stringProblems);
        diagnostics.AddRange(stringProblems.ToSortedList());
        foreach (var edition in editions.All.Where(e => !e.IsDefault && withPages.Contains(e.Code) && index.PageAt(e.HomeSource) is null))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.LanguageWithoutHome, SourceSpan.WholeFile(displayContent + "/" + edition.Root), $"The {edition.Code} edition has pages but no home page {displayContent}/{edition.HomeSource}, so the language switcher does not offer it: add one."));
        }

        // Without its theme strings no page of a language could render; every other finding so far still lets pages render.
        if (stringProblems.HasErrors)
        {
            return null;
        }

        var navigation = Navigation.Build(index.Pages, index, editions);
        var menu = MenuSettings.Read(config, displayContent + "/" + SiteConfigLoader.FileName, diagnostics);
        menu.ReportLeftOut(navigation, editions, index, displayContent, diagnostics);
        var rawHtml = RawHtmlPolicy.Read(config, displayContent + "/" + SiteConfigLoader.FileName, diagnostics);
        StaticHtmlGuard.Check(inventory.StaticFiles, rawHtml, diagnostics);
        var contexts = new Dictionary<string, EditionContext>(StringComparer.Ordinal);
        var functions = TemplateModel.Functions(config);
        ThemeFunctions.Import(functions, theme, index, page => contexts.GetValueOrDefault(editions.Of(page).Code)?.Markdown ?? contexts[editions.Default.Code].Markdown, bodies);
        var templates = new TemplateRenderer(theme, functions);
        var languages = TemplateModel.Languages(editions, strings, index);
        foreach (var edition in editions.All.Where(e => strings.ContainsKey(e.Code)))
        {
            var text = strings[edition.Code];
            var siteModel = TemplateModel.Site(edition.Config, navigation.ItemsOf(edition.Code), menu);
            siteModel["glossary"] = TrustStage.GlossaryModel(glossaries.GetValueOrDefault(edition.Code));
            siteModel["language_name"] = edition.Name ?? (text.Has("language_name") ? text.Get("language_name") : edition.Code);
            siteModel["languages"] = languages;
            // The bibliography is shared and its entries stay as published, in the default language: a page in another
            // language marks them with lang so a screen reader reads them in the right voice.
            siteModel["default_language"] = editions.Default.Code;
            siteModel.IsReadOnly = true;
            var markdown = new MarkdownRenderer(bibliography, glossaries.GetValueOrDefault(edition.Code), trust.Accessibility, rawHtml, trust.Lint, ContainerLabels(text));
            var editionFunctions = EditionContext.FunctionsFor(edition, editions, text, index);

            // Lists every page shares (the menu) are rendered once per edition, with that edition's site model.
            SharedFragments.Import(editionFunctions, templates, siteModel);
            contexts[edition.Code] = new EditionContext(edition, siteModel, markdown, text, editionFunctions);
        }

        var main = contexts[editions.Default.Code];
        stages?.Mark("urls, navigation, site model");
        return new SiteContext(options, config, inventory, theme, index, navigation, main.Markdown, templates, main.SiteModel)
        {
            Trust = trust, Bibliography = bibliography, Bodies = bodies, Editions = editions, EditionContexts = contexts, Translations = translations,
            ReadWithFindings = readWithFindings,
        };
    }

    /// <summary>The words the Markdown writes itself (callout labels, care-card prefixes) in one edition's language.</summary>
    private static Dictionary<string, string> ContainerLabels(ThemeStrings strings)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in Markdown.Containers.ContainerKind.Known.Values)
        {
            var key = (kind.Role == Markdown.Containers.ContainerRole.CareCard ? "care_card." : "callout.") + kind.Name;
            if (strings.Has(key))
            {
                labels[kind.Name] = strings.Get(key);
            }
        }

        if (strings.Has("citation.reference"))
        {
            labels[MarkdownRenderer.CitationLabelKey] = strings.Get("citation.reference");
        }

        return labels;
    }

    /// <summary>An edition's own glossary (<c>content/es/glossary.yml</c>) configures it, as the default's does; it is never published.</summary>
    private static ContentInventory WithoutEditionDataFiles(ContentInventory inventory, Editions editions)
    {
        if (!editions.IsMultilingual)
        {
            return inventory;
        }

        var data = editions.All.Where(e => !e.IsDefault).SelectMany(e => new[] { e.Root + "glossary.yml", e.Root + "glossary.yaml" }).ToHashSet(StringComparer.Ordinal);
        return inventory with { StaticFiles = inventory.StaticFiles.Where(f => !data.Contains(f.RelativePath)).ToList() };
    }

    /// <summary>Stage 2: renders pages in parallel, writes each to <paramref name="output"/> and keeps what the later
    /// stages need of it; the references page renders last, from what the others cite.</summary>
    /// <param name="previous">For <c>serve</c>: the last rebuild's pages. A page is rendered again only when it is new,
    /// its record changed, it is in <paramref name="changed"/>, or it embeds a page that is; otherwise its outcome is
    /// kept, and its bytes must still be in <paramref name="output"/>.</param>
    /// <param name="changed">Source paths of the pages whose text changed since <paramref name="previous"/>.</param>
    public static RenderedSite RenderPages(SiteContext site, ISiteOutput output, IProgress<BuildProgress>? progress = null, RenderedSite? previous = null, IReadOnlySet<string>? changed = null)
    {
        var pages = site.Index.Pages;
        var kept = new Dictionary<string, PageOutcome>(StringComparer.Ordinal);
        foreach (var outcome in previous?.Pages ?? [])
        {
            kept[outcome.Page.Source.RelativePath] = outcome;
        }

        bool Reusable(Page page, out PageOutcome? outcome) =>
            kept.TryGetValue(page.Source.RelativePath, out outcome)
            && ReferenceEquals(outcome.Page, page)
            && changed is not null
            && !changed.Contains(page.Source.RelativePath)
            && !outcome.EmbeddedPages.Any(changed.Contains);

        var outcomes = new PageOutcome[pages.Count];
        var later = new List<int>();
        var toRender = new List<int>();
        for (var i = 0; i < pages.Count; i++)
        {
            if (ReferencesPage.Is(pages[i], site.Theme))
            {
                later.Add(i);
            }
            else if (Reusable(pages[i], out var outcome))
            {
                outcomes[i] = outcome!;
            }
            else
            {
                toRender.Add(i);
            }
        }

        var rendered = 0;
        Parallel.ForEach(toRender, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            outcomes[i] = RenderPage(pages[i], site, output, siteModel: null);
            progress?.Report(new BuildProgress(Interlocked.Increment(ref rendered), toRender.Count + later.Count));
        });

        // The references page lists the pages citing each source, so it renders once they all have.
        var summaries = outcomes.Where(o => o is not null).Select(o => o.Summary).OfType<RenderedPage>().ToList();
        foreach (var i in later)
        {
            // Each edition's references page names the pages of its own edition that cite each source.
            var edition = pages[i].Language;
            outcomes[i] = RenderPage(pages[i], site, output, ReferencesPage.SiteModel(site, summaries.Where(s => s.Page.Language == edition), pages[i]));
            progress?.Report(new BuildProgress(Interlocked.Increment(ref rendered), toRender.Count + later.Count));
        }

        return new RenderedSite(outcomes);
    }

    private static PageOutcome RenderPage(Page page, SiteContext site, ISiteOutput output, ScriptObject? siteModel)
    {
        var diagnostics = new DiagnosticBag();
        if (site.Bodies.Read(page, diagnostics) is not { } text || PageRenderer.Render(text, site, diagnostics, siteModel) is not { } rendered)
        {
            return new PageOutcome(page, null, null, diagnostics.ToSortedList());
        }

        output.WriteText(page.OutputPath, rendered.Html);
        var (facts, links) = BuildLinkCheck.Extract(site, rendered);
        CitationCheck.Verify(rendered, facts, diagnostics);

        // What outlives the page refers to it without its HTML: keeping every page's HTML until the end would make
        // memory grow with the size of the whole site.
        var summary = rendered with { Html = string.Empty, Content = rendered.Content with { Html = string.Empty, Toc = [], Links = [], ReadableBlocks = [] } };
        return new PageOutcome(page, summary, links, diagnostics.ToSortedList());
    }

    /// <summary>Stage 3: what needs every page: sources no page cites, the site-wide trust checks, the copied and generated
    /// files, and the link check over every page's facts.</summary>
    /// <param name="pagesToCheck">Asked once the site's files are written: the output paths of the pages whose links must
    /// be checked, when the others' would give what they gave in the last build (see <see cref="PagesToCheck"/>); null
    /// answer or none given: every page's.</param>
    public static FinishedSite Finish(SiteContext site, RenderedSite rendered, ISiteOutput output, bool external = false, StageClock? stages = null, Func<IReadOnlySet<string>?>? pagesToCheck = null)
    {
        var diagnostics = new DiagnosticBag();
        var summaries = rendered.Summaries.ToList();
        ReferencesPage.ReportUncited(site.Bibliography, summaries, diagnostics);
        TrustStage.Finish(summaries.Select(p => p.Trust).OfType<Trust.PageFacts>().ToList(), site, diagnostics);
        TranslationFreshness.Check(site, diagnostics);

        var files = 0;
        foreach (var file in site.Inventory.StaticFiles)
        {
            output.CopyFile(file.RelativePath, file.FullPath, file.DisplayPath, diagnostics);
            files++;
        }

        foreach (var (full, relative) in ThemeAssets(site.Theme))
        {
            output.CopyFile(relative, full, site.Theme.DisplayPathOf(relative), diagnostics);
            files++;
        }

        foreach (var (path, text) in RenderSiteFiles(site, diagnostics))
        {
            output.WriteText(path, text);
        }

        stages?.Mark("references, trust, files, site files");
        var links = new BuildLinkCheck(site);
        foreach (var page in rendered.Pages)
        {
            if (page.Links is { } facts)
            {
                links.Include(facts);
            }
        }

        var only = pagesToCheck?.Invoke();
        var checkedPages = links.Check(diagnostics, external, onlyPages: only);
        stages?.Mark(only is null ? "resolve links" : $"resolve links ({checkedPages:N0} page{(checkedPages == 1 ? string.Empty : "s")}; the other {rendered.Pages.Count - checkedPages:N0} link as before)");
        return new FinishedSite(diagnostics.ToSortedList(), files);
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
    /// <param name="known">Front matter the last build read of these same bytes (see <see cref="Load"/>); null: read every file.</param>
    /// <returns>The pages in source order; the source paths of those whose reading gave a finding, which the next build
    /// must read again to give it again; and how many were read from their files.</returns>
    private static (List<Page> Pages, IReadOnlySet<string> ReadWithFindings, int FromFiles) ReadPages(IReadOnlyList<SourceFile> sources, BuildOptions options, DiagnosticBag diagnostics, PageBodies bodies, Editions editions, IReadOnlyDictionary<string, CachedPage>? known)
    {
        var pages = new ConcurrentBag<Page>();
        var withFindings = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var fromFiles = 0;
        Parallel.ForEach(sources, source =>
        {
            PageText? read;
            if (known is not null && known.TryGetValue(source.RelativePath, out var cached) && cached.FrontMatter is { } frontMatter)
            {
                read = Placed(source, frontMatter, cached.BodyLine, string.Empty, diagnostics);
            }
            else
            {
                var found = new DiagnosticBag();
                read = ReadPage(source, found, withBody: bodies.KeepsBodies);
                Interlocked.Increment(ref fromFiles);
                if (!found.IsEmpty)
                {
                    withFindings[source.RelativePath] = true;
                    diagnostics.AddRange(found.ToSortedList());
                }
            }

            if (read is not null && IsPublished(read.Page, options))
            {
                var text = read with { Page = editions.Assign(read.Page) };
                // Holding every body from reading to rendering was a third of a 10,000-page build's peak memory, and
                // the largest part of what the collector had to copy from generation to generation.
                bodies.Keep(text);
                pages.Add(text.Page);
            }
        });
        return (pages.OrderBy(p => p.Source.RelativePath, StringComparer.Ordinal).ToList(), withFindings.Keys.ToHashSet(StringComparer.Ordinal), fromFiles);
    }

    /// <summary>Drafts and pages dated in the future stay out unless asked for; <c>serve</c> asks the same question per edit.</summary>
    internal static bool IsPublished(Page page, BuildOptions options) =>
        options.Drafts || (!page.FrontMatter.Draft && !(page.FrontMatter.Date > options.Today));

    /// <summary>Reads one page's file: its front matter, its place in the site and its body.</summary>
    public static PageText? ReadPage(SourceFile source, DiagnosticBag diagnostics) => ReadPage(source, diagnostics, withBody: true);

    /// <param name="withBody">False when the body is read again as the page renders (<see cref="PageBodies.OnDisk"/>):
    /// then only the file's start is decoded, and the page comes with an empty body that nothing renders.</param>
    private static PageText? ReadPage(SourceFile source, DiagnosticBag diagnostics, bool withBody)
    {
        var text = withBody
            ? SourceText.Read(source.FullPath, source.DisplayPath, diagnostics)
            : SourceText.ReadStart(source.FullPath, source.DisplayPath, diagnostics, InputFingerprint.Cut);
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

        return Placed(source, frontMatter, split.Value.BodyLine, withBody ? split.Value.Body : string.Empty, diagnostics) is { } placed
            ? placed with { FrontMatterText = split.Value.FrontMatterText }
            : null;
    }

    /// <summary>The page of a file with this front matter, at its URL (its path's, or its permalink's); null, with an
    /// error at the permalink, when that leaves the site.</summary>
    private static PageText? Placed(SourceFile source, FrontMatter frontMatter, int bodyLine, string body, DiagnosticBag diagnostics)
    {
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
        return new PageText(new Page(source, frontMatter, bodyLine, url, outputPath, section), body);
    }

    /// <summary>Checks that no two pages, files or generated files land on one output path, then indexes them.</summary>
    private static SiteIndex MapUrls(List<Page> pages, IReadOnlyList<SourceFile> files, Theme theme, SiteConfig config, DiagnosticBag diagnostics, Editions editions)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var generated in GeneratedFiles.Concat(editions.All.Where(e => !e.IsDefault).Select(e => e.Root + "404.html")))
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

    /// <summary>The files the build generates itself, as text, so <c>serve</c> can hold them in memory.</summary>
    internal static List<(string Path, string Text)> RenderSiteFiles(SiteContext site, DiagnosticBag diagnostics)
    {
        var (config, theme) = (site.Config, site.Theme);
        var files = new List<(string Path, string Text)>
        {
            ("sitemap.xml", SiteFiles.Sitemap(SitemapEntries(site))),
            ("robots.txt", SiteFiles.Robots(new Uri(config.BaseUrl, "sitemap.xml").AbsoluteUri)),
            (".nojekyll", string.Empty),
        };
        if (theme.HasLayout("404"))
        {
            // One per edition that has pages, each in its language with links into its edition; a host serves the root
            // one at any missing address.
            foreach (var edition in site.EditionContexts.Values.Where(e => e.Edition.IsDefault || site.Index.PageAt(e.Edition.HomeSource) is not null))
            {
                var page = TemplateModel.NotFoundPage(edition.Edition.Config, edition.Edition.Root, edition.Strings);
                var globals = edition.Globals(edition.SiteModel, page);
                if (site.Templates.Render("404", globals, SourceSpan.WholeFile(theme.DisplayPathOf(Theme.LayoutPath("404"))), diagnostics) is { } html)
                {
                    files.Add((edition.Edition.Root + "404.html", html));
                }
            }

            if (site.EditionContexts.Count == 0)
            {
                var globals = new ScriptObject { ["site"] = site.SiteModel, ["page"] = TemplateModel.NotFoundPage(config) };
                if (site.Templates.Render("404", globals, SourceSpan.WholeFile(theme.DisplayPathOf(Theme.LayoutPath("404"))), diagnostics) is { } html)
                {
                    files.Add(("404.html", html));
                }
            }
        }

        return files;
    }

    /// <summary>Every page's address, with its versions in the other editions as <c>xhtml:link</c> alternates.</summary>
    private static IEnumerable<SiteFiles.SitemapEntry> SitemapEntries(SiteContext site)
    {
        foreach (var page in site.Index.Pages)
        {
            var alternates = Alternates(site, page).Select(a => (a.Language, a.Url)).ToList();
            yield return new SiteFiles.SitemapEntry(new Uri(site.Config.BaseUrl, page.Url.TrimStart('/')).AbsoluteUri, alternates);
        }
    }

    /// <summary>The hreflang alternates of a page: every edition's version (itself included) and x-default, the default
    /// language's version; none when the page has no version in another language.</summary>
    internal static List<(string Language, string Url)> Alternates(SiteContext site, Page page)
    {
        var versions = site.Translations.VersionsOf(page, site.Editions);
        if (versions.Count < 2)
        {
            return [];
        }

        string Absolute(Page p) => new Uri(site.Config.BaseUrl, p.Url.TrimStart('/')).AbsoluteUri;
        var list = site.Editions.All.Where(e => versions.ContainsKey(e.Code)).Select(e => (e.Code, Absolute(versions[e.Code]))).ToList();
        if (versions.TryGetValue(site.Editions.Default.Code, out var main))
        {
            list.Add(("x-default", Absolute(main)));
        }

        return list;
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
