namespace BackSiteGen.Site;

/// <summary>What to build and how; paths may be relative to the current folder.</summary>
/// <param name="WorkingDirectory">Where relative paths start; the current folder when null.</param>
/// <param name="External">Also check links to other sites (network; never part of a plain build).</param>
/// <param name="Preview">A <c>serve</c> preview: checks that stop a build (unfinished text, placeholder addresses) only warn.</param>
/// <param name="BuildDate">The day the build counts as "today" (drafts by date, review due dates); injectable for tests.</param>
public sealed record BuildOptions(
    string ContentDir = "content",
    string ThemeDir = "themes/default",
    string OutputDir = "output",
    string? BaseUrl = null,
    bool Strict = false,
    bool Drafts = false,
    DateOnly? BuildDate = null,
    string? WorkingDirectory = null,
    bool External = false,
    bool Preview = false)
{
    /// <summary>Replace a non-empty output folder that BackSiteGen did not build (<c>build --force</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Keep the output as it is when nothing it was built from changed since the last build with no findings
    /// (and it still holds exactly what that build wrote); <c>build</c> turns it on unless asked for a report or
    /// external links, which a kept output cannot give again.</summary>
    public bool KeepUnchanged { get; init; }

    /// <summary>Reuse each page whose inputs did not change since the last build into this output (its body, and
    /// everything pages share: see <see cref="InputFingerprint"/>) instead of rendering it: its recorded findings and
    /// facts, and its file from the previous site once checked byte for byte against the record. What a build prints and
    /// publishes is the same either way; <c>build</c> turns it on.</summary>
    public bool ReusePages { get; init; }

    public DateOnly Today => BuildDate ?? DateOnly.FromDateTime(DateTime.Now);

    /// <summary>The folder relative paths start from and diagnostics are printed relative to.</summary>
    public string BaseDirectory => WorkingDirectory ?? Environment.CurrentDirectory;

    public string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, BaseDirectory));

    /// <summary>A path as diagnostics print it: relative to the working folder, with '/' separators.</summary>
    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(BaseDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }
}
