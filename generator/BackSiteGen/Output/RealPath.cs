namespace BackSiteGen.Output;

/// <summary>Resolves every symbolic link in a path, like POSIX <c>realpath</c>, also for paths that do not exist yet.</summary>
/// <remarks>The output folder is emptied on every build, so "is it the content folder?" must be asked of the folder the
/// path really leads to: an <c>output</c> that is a link to <c>content</c> is the content folder.</remarks>
public static class RealPath
{
    /// <summary>Enough for any sane chain of links; a loop of links stops here instead of spinning.</summary>
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new List<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var links = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var segment = pending[i];
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, segment);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unreadable: keep the path as written.
            }

            if (target is not null && ++links <= MaxLinks)
            {
                // Continue from the link's target, then with the rest of the path.
                var resolved = Path.GetFullPath(target, current);
                var rest = pending.Skip(i + 1).ToList();
                pending = [.. resolved[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest];
                current = root;
                i = -1;
                continue;
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current);
    }
}
