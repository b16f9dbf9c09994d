namespace BackSiteGen.Content;

/// <summary>A page whose front matter has been read and whose place in the site is known.</summary>
/// <param name="Url">Site-relative URL without the base path, always starting with '/', percent-encoded: <c>/exercises/cat-cow/</c>.</param>
/// <param name="OutputPath">Path of the HTML file below the output folder: <c>exercises/cat-cow/index.html</c>.</param>
/// <param name="Section">The first folder of the source path, or "" for pages at the top.</param>
/// <param name="BodyLine">1-based line of the file on which the Markdown body starts.</param>
/// <remarks>A page never carries its body: every stage after reading sees the page as the navigation, the index and the
/// checks do. Only <see cref="PageText"/>, handed from <see cref="PageBodies"/> to the renderer, has the Markdown, so no
/// stage can render a page without its text by mistake (the handout once rendered every exercise empty).</remarks>
public sealed record Page(SourceFile Source, FrontMatter FrontMatter, int BodyLine, string Url, string OutputPath, string Section)
{
    /// <summary>The language code of the page's edition (see <c>Site.Editions</c>); "" until the site assigns it.</summary>
    public string Language { get; init; } = string.Empty;

    /// <summary>True for <c>index.md</c> files, which stand for their folder.</summary>
    public bool IsSectionIndex => Path.GetFileName(Source.RelativePath).Equals("index.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder this page belongs to ("" for the top): a section index belongs to its parent folder.</summary>
    public string ParentFolder
    {
        get
        {
            var dir = FolderOf(Source.RelativePath);
            return IsSectionIndex ? FolderOf(dir) : dir;
        }
    }

    /// <summary>The folder a section index stands for, or the page's own folder.</summary>
    public string Folder => FolderOf(Source.RelativePath);

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }
}
