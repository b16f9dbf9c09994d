namespace BackSiteGen.Output;

/// <summary>Decides whether a path below the output folder is safe to write.</summary>
/// <remarks>Output paths are built from writers' file names and permalinks. A file named <c>" .md"</c> slugs to an empty
/// segment (and <c>Path.Combine(staging, "/index.html")</c> is <c>/index.html</c>); a folder named <c>" .."</c> slugs to
/// <c>".."</c>. Every output path is checked here once, when it is claimed, so no later write can leave the output folder.</remarks>
public static class OutputPath
{
    /// <summary>True for a relative, '/'-separated path whose every segment is a plain name.</summary>
    public static bool IsSafe(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath[0] == '/' || Path.IsPathRooted(relativePath))
        {
            return false;
        }

        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Trim().Length == 0)
            {
                return false;
            }

            foreach (var c in segment)
            {
                // A backslash is a separator on Windows checkouts; control characters (NUL above all) make the OS throw.
                if (c == '\\' || char.IsControl(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="relativePath"/> joined to <paramref name="root"/> stays inside it.</summary>
    public static bool StaysInside(string root, string relativePath)
    {
        if (!IsSafe(relativePath))
        {
            return false;
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(Path.Combine(fullRoot, relativePath)).StartsWith(fullRoot, StringComparison.Ordinal);
    }
}
