namespace BackSiteGen.Content;

/// <summary>A file in the content folder.</summary>
/// <param name="RelativePath">Path below the content folder with '/' separators, e.g. <c>exercises/cat-cow.md</c>.</param>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="DisplayPath">Path as printed in diagnostics, relative to the current folder.</param>
public sealed record SourceFile(string RelativePath, string FullPath, string DisplayPath)
{
    public bool IsPage => RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
