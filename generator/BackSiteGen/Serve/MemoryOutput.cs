using System.Collections.Concurrent;
using System.Text;
using BackSiteGen.Output;

namespace BackSiteGen.Serve;

/// <summary><c>serve</c>'s output: the same bytes <c>build</c> writes, kept in memory. A rebuild starts from the previous
/// rebuild's files, so the pages it does not render again keep their bytes.</summary>
public sealed class MemoryOutput : ISiteOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ConcurrentDictionary<string, byte[]> _files;
    private readonly ConcurrentDictionary<string, CopiedFile> _copies;

    /// <param name="previous">The files of the rebuild before, kept as they were; null starts empty.</param>
    public MemoryOutput(MemoryOutput? previous = null)
    {
        _files = previous is null ? new(StringComparer.Ordinal) : new(previous._files, StringComparer.Ordinal);
        _copies = previous is null ? new(StringComparer.Ordinal) : new(previous._copies, StringComparer.Ordinal);
    }

    /// <summary>Output path → bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void WriteText(string outputPath, string text) => _files[outputPath] = Utf8NoBom.GetBytes(text);

    /// <summary>Reads the file again only when its size or time changed since the last rebuild read it.</summary>
    public void CopyFile(string outputPath, string sourceFullPath, string displayPath, Diagnostics.DiagnosticBag diagnostics)
    {
        var info = new FileInfo(sourceFullPath);
        var stamp = new CopiedFile(sourceFullPath, info.Length, info.LastWriteTimeUtc);
        if (_copies.TryGetValue(outputPath, out var known) && known == stamp && _files.ContainsKey(outputPath))
        {
            return;
        }

        if (FileCopy.ReadRegular(sourceFullPath, displayPath, diagnostics) is not { } bytes)
        {
            _files.TryRemove(outputPath, out _);
            _copies.TryRemove(outputPath, out _);
            return;
        }

        _files[outputPath] = bytes;
        _copies[outputPath] = stamp;
    }

    /// <summary>Puts back a page's previous bytes (its new version failed to render).</summary>
    public void Restore(string outputPath, byte[] bytes) => _files[outputPath] = bytes;

    private readonly record struct CopiedFile(string Source, long Length, DateTime Written);
}
