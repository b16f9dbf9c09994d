namespace BackSiteGen.Output;

/// <summary>Where a build's bytes go: the one thing <c>build</c> and <c>serve</c> do differently. Every stage before it
/// is the same code over the same records.</summary>
/// <remarks>Called from the rendering threads; an output path is written once per build.</remarks>
public interface ISiteOutput
{
    /// <summary>A rendered page or generated file, as UTF-8 without a byte-order mark.</summary>
    void WriteText(string outputPath, string text);

    /// <summary>A file copied as it is (content files, theme assets).</summary>
    void CopyFile(string outputPath, string sourceFullPath);
}
