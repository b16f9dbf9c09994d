using BackSiteGen.Diagnostics;

namespace BackSiteGen.Content;

/// <summary>What the content folder holds: pages, files copied as they are, and the site's data files.</summary>
public sealed record ContentInventory(IReadOnlyList<SourceFile> Pages, IReadOnlyList<SourceFile> StaticFiles);

/// <summary>Walks the content folder in a stable order.</summary>
public static class ContentScanner
{
    /// <summary>Data files at the top of the content folder that configure the site and are never published.</summary>
    public static readonly string[] DataFiles = ["site.yml", "references.yaml", "references.yml", "references.json", "glossary.yml", "glossary.yaml"];

    public static ContentInventory Scan(string contentDir, string displayContentDir, DiagnosticBag diagnostics)
    {
        var pages = new List<SourceFile>();
        var files = new List<SourceFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(new DirectoryInfo(contentDir), string.Empty, displayContentDir, pages, files, visited, diagnostics);
        pages.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        ReportCaseCollisions(pages.Concat(files), diagnostics);
        return new ContentInventory(pages, files);
    }

    private static void Walk(DirectoryInfo dir, string relative, string display, List<SourceFile> pages, List<SourceFile> files, HashSet<string> visited, DiagnosticBag diagnostics)
    {
        // A symbolic link that leads back to a folder already on the way down would never end.
        var real = dir.LinkTarget is null ? dir.FullName : (dir.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dir.FullName);
        if (!visited.Add(Path.TrimEndingDirectorySeparator(real)))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SymbolicLinkLoop, SourceSpan.WholeFile(JoinDisplay(display, relative)), $"Skipped: this folder is a symbolic link back to '{real}', which is already part of the site."));
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = dir.GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(JoinDisplay(display, relative)), $"Cannot read the folder: {ex.Message}"));
            return;
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || entry.Name.StartsWith('_'))
            {
                continue;
            }

            var rel = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry is DirectoryInfo sub)
            {
                Walk(sub, rel, display, pages, files, visited, diagnostics);
                continue;
            }

            if (relative.Length == 0 && DataFiles.Contains(entry.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var source = new SourceFile(rel, entry.FullName, JoinDisplay(display, rel));
            (source.IsPage ? pages : files).Add(source);
        }

        visited.Remove(Path.TrimEndingDirectorySeparator(real));
    }

    private static void ReportCaseCollisions(IEnumerable<SourceFile> all, DiagnosticBag diagnostics)
    {
        foreach (var group in all.GroupBy(f => f.RelativePath, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var names = group.Select(f => f.DisplayPath).ToList();
            foreach (var file in group.Skip(1))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.CaseOnlyCollision, SourceSpan.WholeFile(file.DisplayPath), $"'{file.DisplayPath}' and '{names[0]}' differ only in letter case; they collide on macOS and Windows checkouts."));
            }
        }
    }

    private static string JoinDisplay(string displayDir, string relative) =>
        relative.Length == 0 ? displayDir : (displayDir.Length == 0 || displayDir == "." ? relative : displayDir.TrimEnd('/') + "/" + relative);
}
