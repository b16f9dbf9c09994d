using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using BackSiteGen.Content;

namespace BackSiteGen.Output;

/// <summary><c>build</c>'s output: files written into the staging folder that is swapped in when the build succeeds.</summary>
/// <param name="previous">The site in the output folder now: a file whose new bytes equal its old ones is linked from
/// there instead of written (see <see cref="PreviousSite"/>).</param>
/// <param name="inPlace">Stage only what changed: a file whose new bytes equal the previous site's file is left where it
/// is, neither linked nor copied, for <see cref="OutputFolder.Commit(StagingFolderOutput)"/> to commit the changes into the
/// output folder itself (or, when too many files changed, to link the rest into staging and swap as before).</param>
public sealed class StagingFolderOutput(string staging, PreviousSite? previous = null, bool inPlace = false) : ISiteOutput
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly bool _inPlace = inPlace && previous is not null;
    private readonly ConcurrentDictionary<string, byte> _staged = new(StringComparer.Ordinal);

    public string Root => staging;

    /// <summary>Every file written or copied so far, for the output's marker.</summary>
    public OutputManifest Manifest { get; } = new();

    /// <summary>The site this build started from, when there is one of ours.</summary>
    public PreviousSite? Previous => previous;

    /// <summary>True when only new and changed files are staged; the others are still only in the previous site.</summary>
    public bool StagesChangesOnly => _inPlace;

    /// <summary>The output paths (with <c>/</c>) of the files written into staging.</summary>
    public ICollection<string> Staged => _staged.Keys;

    /// <summary>Writes a file that cannot exist yet (the staging folder is new, and no two sources share an output path)
    /// with one open and one write. <see cref="File.WriteAllText(string, string?, Encoding)"/> also truncates,
    /// preallocates, asks the file system's type and seeks: five more system calls per page, on 10,000 pages.
    /// The folder is made by the thread that writes the page, where the file system's cost overlaps the other thread's
    /// rendering: made one by one up front, 10,000 folders took 2 s of a 13 s build.</summary>
    public void WriteText(string outputPath, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8NoBom.GetBytes(text, buffer);
            var hash = Manifest.Add(outputPath, buffer.AsSpan(0, length));
            if (_inPlace)
            {
                if (!previous!.IsSame(outputPath, buffer.AsSpan(0, length), hash))
                {
                    Write(outputPath, buffer.AsSpan(0, length));
                }

                return;
            }

            var target = Target(outputPath);
            if (previous is not null && previous.TryLink(outputPath, buffer.AsSpan(0, length), hash, target))
            {
                return;
            }

            using var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(handle, buffer.AsSpan(0, length), 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Takes a page's file unchanged from the previous site when it is still exactly what the last build
    /// recorded; false when it is not (or there is no previous site), and the page must be rendered.</summary>
    /// <param name="stamp">The file's stamp as the last build recorded it, if it did (see <see cref="OutputManifest.AddKnown"/>).</param>
    public bool Keep(string outputPath, long size, string hash, FileStamp? stamp = null)
    {
        // Only a file that stays where it is keeps its stamp: a link into staging changes it.
        FileStamp? settled = null;
        if (previous is null || !(_inPlace ? previous.IsRecorded(outputPath, size, hash, stamp, out settled) : previous.TryKeep(outputPath, size, hash, Target(outputPath))))
        {
            return false;
        }

        Manifest.AddKnown(outputPath, size, hash, settled);
        return true;
    }

    public void CopyFile(string outputPath, string sourceFullPath, string displayPath, Diagnostics.DiagnosticBag diagnostics)
    {
        if (_inPlace)
        {
            var staged = false;
            if (FileCopy.Regular(sourceFullPath, Path.Combine(staging, outputPath), displayPath, diagnostics, (source, into) => KeepOrStage(outputPath, source, into, out staged)) && staged)
            {
                // Too large to hold in memory: copied into staging as it is, and hashed from there.
                Manifest.AddFile(outputPath, Path.Combine(staging, outputPath));
            }

            return;
        }

        var target = Target(outputPath);
        if (FileCopy.Regular(sourceFullPath, target, displayPath, diagnostics, previous is null ? null : (source, into) => previous.TryLink(outputPath, source, into)))
        {
            Manifest.AddFile(outputPath, target);
        }
    }

    /// <summary>Reads a copied file's source once: recorded, and staged only when the previous site's copy differs. True
    /// when done; false (with the folder made) when it is too large to hold and must be copied.</summary>
    private bool KeepOrStage(string outputPath, Microsoft.Win32.SafeHandles.SafeFileHandle source, string target, out bool mustCopy)
    {
        var length = RandomAccess.GetLength(source);
        mustCopy = length > int.MaxValue / 2;
        if (mustCopy)
        {
            _staged[OutputManifest.Normalize(outputPath)] = 0;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max((int)length, 1));
        try
        {
            var read = 0;
            while (read < length && RandomAccess.Read(source, buffer.AsSpan(read, (int)length - read), read) is var n and > 0)
            {
                read += n;
            }

            var bytes = buffer.AsSpan(0, read);
            var hash = Manifest.Add(outputPath, bytes);
            if (!previous!.IsSame(outputPath, bytes, hash))
            {
                Write(outputPath, bytes);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Write(string outputPath, ReadOnlySpan<byte> bytes)
    {
        _staged[OutputManifest.Normalize(outputPath)] = 0;
        using var handle = File.OpenHandle(Target(outputPath), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, 0);
    }

    private string Target(string outputPath)
    {
        var target = Path.Combine(staging, outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target;
    }
}
