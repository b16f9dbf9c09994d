namespace BackSiteGen.Checks;

/// <summary>What <c>backsitegen check</c> checks: any folder of built HTML, ours or another generator's.</summary>
/// <param name="BaseUrl">Where the folder is published: a full URL (https://example.org/sub/) or just a path ("/", "/sub/").</param>
/// <param name="ConfigPath">A site.yml to read <c>links:</c> and <c>external_links:</c> (and base_url) from, if any.</param>
public sealed record FolderCheckOptions(
    string SiteDir = "output",
    string? BaseUrl = null,
    bool External = false,
    string? ConfigPath = null,
    bool Strict = false,
    string? WorkingDirectory = null,
    ExternalCheckOptions? ExternalOptions = null)
{
    public string BaseDirectory => WorkingDirectory ?? Environment.CurrentDirectory;

    public string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, BaseDirectory));

    public string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(BaseDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }
}
