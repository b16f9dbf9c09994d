using BackSiteGen.Diagnostics;
using BackSiteGen.Output;

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
        Walk(new DirectoryInfo(contentDir), string.Empty, displayContentDir, pages, files, visited, diagnostics, new InputTree(contentDir, "content", diagnostics));
        pages.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        ReportCaseCollisions(pages.Concat(files), diagnostics);
        return new ContentInventory(pages, files);
    }

    private static void Walk(DirectoryInfo dir, string relative, string display, List<SourceFile> pages, List<SourceFile> files, HashSet<string> visited, DiagnosticBag diagnostics, InputTree tree)
    {
        // A symbolic link that leads back to a folder already on the way down would never end.
        var real = RealPath.Resolve(dir.FullName);
        if (!visited.Add(Path.TrimEndingDirectorySeparator(real)))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SymbolicLinkLoop, SourceSpan.WholeFile(JoinDisplay(display, relative)), $"Skipped: this folder is a symbolic link back to '{real}', which is already part of the site."));
            return;
        }

        string[] names;
        try
        {
            names = [.. Directory.EnumerateFileSystemEntries(dir.FullName).Select(Path.GetFileName).OfType<string>()];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(JoinDisplay(display, relative)), $"Cannot read the folder: {ex.Message}"));
            return;
        }

        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            // Hidden and underscore names are the writer's own; editor backups and OS litter are never published.
            if (name.StartsWith('.') || name.StartsWith('_') || InputTree.IsJunk(name))
            {
                continue;
            }

            var rel = relative.Length == 0 ? name : relative + "/" + name;
            if (InputTree.HasControlCharacter(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ControlCharacterInName, SourceSpan.WholeFile(JoinDisplay(display, relative)), $"The name '{DiagnosticFormatter.Printable(name)}' has a control character (such as a line break); rename it."));
                continue;
            }

            var full = Path.Combine(dir.FullName, name);
            var kind = tree.Admit(full, JoinDisplay(display, rel));
            if (kind == FileKind.Directory)
            {
                Walk(new DirectoryInfo(full), rel, display, pages, files, visited, diagnostics, tree);
                continue;
            }

            if (kind is null || (relative.Length == 0 && DataFiles.Contains(name, StringComparer.Ordinal)))
            {
                continue;
            }

            var source = new SourceFile(rel, full, JoinDisplay(display, rel));
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
