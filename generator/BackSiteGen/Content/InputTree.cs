using BackSiteGen.Diagnostics;
using BackSiteGen.Output;

namespace BackSiteGen.Content;

/// <summary>The one gate every input file passes: content, theme and data are read only from regular files whose real
/// path lies inside their root folder.</summary>
/// <remarks>A symbolic link <c>content/x.txt -> /etc/shadow</c> used to be copied into the output with exit 0, and a
/// FIFO named <c>x.md</c> hung the build. Each entry is asked for its type without being opened (lstat); a link is
/// resolved to its real path and compared with the root's real path on a separator boundary, so <c>/site/content2</c>
/// is not inside <c>/site/content</c>.</remarks>
public sealed class InputTree
{
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;

    /// <param name="what">The root as a writer names it in a message: "content", "theme".</param>
    public InputTree(string root, string what, DiagnosticBag diagnostics)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        RealRoot = RealPath.Resolve(Root);
        _what = what;
        _diagnostics = diagnostics;
    }

    public string Root { get; }

    public string RealRoot { get; }

    /// <summary>True when <paramref name="realPath"/> is <paramref name="realRoot"/> or below it.</summary>
    public static bool IsInside(string realRoot, string realPath)
    {
        var root = Path.TrimEndingDirectorySeparator(realRoot);
        var path = Path.TrimEndingDirectorySeparator(realPath);
        return path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Editor backups and operating-system litter, which are never published.</summary>
    public static bool IsJunk(string name) =>
        name.EndsWith('~')
        || (name.Length > 1 && name.StartsWith('#') && name.EndsWith('#'))
        || name.StartsWith(".#", StringComparison.Ordinal)
        || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".swo", StringComparison.OrdinalIgnoreCase)
        || name.Equals(".DS_Store", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
        || name.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a name has a character that would forge or garble a printed line (a newline, an escape).</summary>
    public static bool HasControlCharacter(string name)
    {
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What an entry may be read as: <see cref="FileKind.Regular"/>, <see cref="FileKind.Directory"/>, or
    /// <see cref="FileKind.Missing"/> for a link to nothing inside the root (its reader reports it); null, with an error at
    /// the entry, for a link that leaves the root or for a FIFO, device or socket.</summary>
    public FileKind? Admit(string fullPath, string display)
    {
        var kind = FileKinds.Of(fullPath);
        if (kind == FileKind.SymbolicLink)
        {
            var real = RealPath.Resolve(fullPath);
            if (!IsInside(RealRoot, real))
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LinkLeavesRoot, SourceSpan.WholeFile(display), $"This is a symbolic link to '{DiagnosticFormatter.Printable(real)}', outside the {_what} folder; it was not followed and nothing of it is published. Copy the file into the {_what} folder instead."));
                return null;
            }

            kind = FileKinds.Of(fullPath, followLinks: true);
        }

        if (kind is FileKind.Regular or FileKind.Directory or FileKind.Missing)
        {
            return kind;
        }

        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotRegularFile, SourceSpan.WholeFile(display), $"Refused: {FileKinds.NotRegular(kind)}."));
        return null;
    }

    /// <summary>Admits a single file named by a path below the root (a data file, a template): its own link and every folder on
    /// the way must stay inside the root. Null, with an error, when it does not.</summary>
    public FileKind? AdmitPath(string fullPath, string display)
    {
        var real = RealPath.Resolve(fullPath);
        if (!IsInside(RealRoot, real))
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LinkLeavesRoot, SourceSpan.WholeFile(display), $"This leads through a symbolic link to '{DiagnosticFormatter.Printable(real)}', outside the {_what} folder; it was not read."));
            return null;
        }

        return Admit(fullPath, display);
    }

    /// <summary>Every regular file below <paramref name="folder"/> (a path relative to the root), in ordinal order, as
    /// (full path, path relative to the root). Links that leave the root, special files, junk and names with control
    /// characters are left out, each but junk with an error.</summary>
    public List<(string Full, string Relative)> Files(string folder, Func<string, string> displayOf)
    {
        var found = new List<(string Full, string Relative)>();
        var start = Path.Combine(Root, folder);
        if (FileKinds.Of(start, followLinks: true) != FileKind.Directory || AdmitPath(start, displayOf(folder)) != FileKind.Directory)
        {
            return found;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(start, folder.Replace('\\', '/').Trim('/'), displayOf, found, visited);
        found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return found;
    }

    private void Walk(string dir, string relative, Func<string, string> displayOf, List<(string Full, string Relative)> found, HashSet<string> visited)
    {
        var real = RealPath.Resolve(dir);
        if (!visited.Add(real))
        {
            return;
        }

        string[] names;
        try
        {
            names = [.. Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).OfType<string>()];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(displayOf(relative)), $"Cannot read the folder: {ex.Message}"));
            return;
        }

        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (IsJunk(name))
            {
                continue;
            }

            var rel = relative.Length == 0 ? name : relative + "/" + name;
            if (HasControlCharacter(name))
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ControlCharacterInName, SourceSpan.WholeFile(displayOf(relative)), $"The name '{DiagnosticFormatter.Printable(name)}' has a control character (such as a line break); rename it."));
                continue;
            }

            var full = Path.Combine(dir, name);
            switch (Admit(full, displayOf(rel)))
            {
                case FileKind.Directory:
                    Walk(full, rel, displayOf, found, visited);
                    break;
                case FileKind.Regular or FileKind.Missing:
                    found.Add((full, rel));
                    break;
            }
        }

        visited.Remove(real);
    }
}
