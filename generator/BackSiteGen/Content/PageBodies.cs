using System.Collections.Concurrent;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Content;

/// <summary>Where a page's Markdown body comes from when it renders. A build leaves bodies on disk between reading and
/// rendering (holding 10,000 bodies was a third of the peak memory) and reads each again when the page renders;
/// <c>serve</c> keeps them, so a rebuild after an edit reads only the edited file.</summary>
public sealed class PageBodies
{
    private readonly ConcurrentDictionary<string, PageText>? _kept;

    private PageBodies(bool keep) => _kept = keep ? new ConcurrentDictionary<string, PageText>(StringComparer.Ordinal) : null;

    /// <summary>Bodies are read from the page's file each time they are asked for.</summary>
    public static PageBodies OnDisk() => new(keep: false);

    /// <summary>Bodies are kept from reading on, and replaced by <see cref="Keep"/> when a file is read again.</summary>
    public static PageBodies InMemory() => new(keep: true);

    public bool KeepsBodies => _kept is not null;

    /// <summary>Remembers the body just read with the page, when bodies are kept.</summary>
    public void Keep(PageText text) => _kept?.AddOrUpdate(text.Page.Source.RelativePath, text, (_, _) => text);

    /// <summary>The front matter of a kept page as it was last read, or null.</summary>
    public string? FrontMatterTextOf(string relativePath) => _kept is not null && _kept.TryGetValue(relativePath, out var text) ? text.FrontMatterText : null;

    /// <summary>Forgets a page that left the site.</summary>
    public void Forget(string relativePath) => _kept?.TryRemove(relativePath, out _);

    /// <summary>The page with its body. Null, with a diagnostic, when the file can no longer be read or no longer splits
    /// as it did (it changed during the build).</summary>
    public PageText? Read(Page page, DiagnosticBag diagnostics)
    {
        if (_kept is not null && _kept.TryGetValue(page.Source.RelativePath, out var kept))
        {
            return ReferenceEquals(kept.Page, page) ? kept : kept with { Page = page };
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

        if (split.BodyLine != page.BodyLine)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, new SourceSpan(page.Source.DisplayPath, 1, 1), "The page's front matter changed while the site was being built; build again."));
            return null;
        }

        return new PageText(page, split.Body);
    }
}
