using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using BackSiteGen.Content;

namespace BackSiteGen.Output;

/// <summary>The site the last build left in the output folder, as a source of bytes for this one: a file whose new bytes
/// equal the old file's is hard-linked from the old tree into staging instead of written.</summary>
/// <remarks>Why: on this project's machine (ext4 mounted with <c>discard</c>) a rebuild spent most of its time allocating
/// blocks for pages that had not changed and then freeing the previous tree's blocks after the swap; a linked file costs
/// neither, and removing the old tree after the swap frees only what changed. The swap stays as it was: staging is a
/// complete new tree either way. No manifest is trusted to say a file is the same: the old file is compared byte for byte
/// with the new bytes (it is in the page cache after the last build, so reading it is cheap beside writing), and only a
/// regular file with no other link (not a symbolic link, nothing that also lives elsewhere) is reused, linked through the
/// very descriptor that was compared. The last build's record is used the other way only: a page it says had other bytes
/// is written without opening the old file. Any failure (another file system, no <c>/proc</c>, a file system without
/// hard links) falls back to writing.</remarks>
public sealed partial class PreviousSite
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const int AtSymlinkFollow = 0x400;
    private const uint StatxWanted = 0x1 | 0x4 | 0x200; // STATX_TYPE | STATX_NLINK | STATX_SIZE
    private const int StatxNlinkOffset = 16;
    private const int StatxModeOffset = 28;
    private const int StatxSizeOffset = 40;
    private const int OpenFlags = 0x800 | 0x20000 | 0x80000; // O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC

    private static bool _unavailable = !OperatingSystem.IsLinux();
    private int _linked;
    private int _written;

    /// <summary>What the last build recorded of its files (size and SHA-256 by output path), or null. Used only to pass
    /// over a file that cannot hold the new bytes without opening it, never to trust one: a file the record says is the
    /// same is still compared byte for byte.</summary>
    private readonly IReadOnlyDictionary<string, (long Size, string Hash)>? _recorded;

    private PreviousSite(string root, IReadOnlyDictionary<string, (long Size, string Hash)>? recorded)
    {
        Root = root;
        _recorded = recorded;
    }

    /// <summary>The previous output folder.</summary>
    public string Root { get; }

    /// <summary>Files this build took from the previous site instead of writing them.</summary>
    public int Linked => _linked;

    /// <summary>Files this build wrote because they are new or changed (or could not be linked).</summary>
    public int Written => _written;

    /// <summary>The previous site in <paramref name="outputFolder"/>, or null when there is none to reuse.</summary>
    /// <param name="recorded">The files its marker records (<see cref="OutputManifest.Recorded.FileHashes"/>), when it
    /// was read: a page whose new bytes hash otherwise than the record says is written without opening the old file.
    /// On a rebuild where every page changed, that open and read of each old page was a twentieth of the build.</param>
    public static PreviousSite? At(string outputFolder, IReadOnlyDictionary<string, (long Size, string Hash)>? recorded = null) =>
        !_unavailable && Content.FileKinds.Of(Path.Combine(outputFolder, OutputFolder.MarkerFile)) == Content.FileKind.Regular ? new PreviousSite(outputFolder, recorded) : null;

    /// <summary>True when the previous site's file at <paramref name="outputPath"/> holds exactly <paramref name="bytes"/>
    /// and is now linked at <paramref name="target"/>; false (nothing done) when the caller must write it.</summary>
    /// <param name="hash">The SHA-256 (hex) of <paramref name="bytes"/>, for the record's quick answer.</param>
    public bool TryLink(string outputPath, ReadOnlySpan<byte> bytes, string hash, string target) =>
        Count(!RecordedOtherwise(outputPath, bytes.Length, hash) && LinkIfSame(outputPath, bytes, target));

    /// <summary>The same for a copied file: true when the previous site's copy has the same bytes as
    /// <paramref name="source"/> (opened and checked as a regular file) and is now linked at <paramref name="target"/>.</summary>
    public bool TryLink(string outputPath, SafeFileHandle source, string target)
    {
        var length = RandomAccess.GetLength(source);
        if (length > int.MaxValue / 2)
        {
            return Count(false);
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max((int)length, 1));
        try
        {
            return Count(ReadAll(source, bytes.AsSpan(0, (int)length)) && LinkIfSame(outputPath, bytes.AsSpan(0, (int)length), target));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>For a page not rendered again: true when the previous site's file at <paramref name="outputPath"/> is
    /// exactly what the last build recorded (<paramref name="size"/> bytes with SHA-256 <paramref name="hash"/>) and is now
    /// at <paramref name="target"/>, linked (or, where the file system has no links, copied); false (nothing done) when
    /// the page must be rendered.</summary>
    public bool TryKeep(string outputPath, long size, string hash, string target) =>
        IfOld(outputPath, size, (old, bytes) => Recorded(bytes, hash) && LinkOrCopy(old, outputPath, bytes, target));

    /// <summary>For a commit in place: true when the previous site's file at <paramref name="outputPath"/> is a regular file
    /// with no other name that holds exactly <paramref name="bytes"/>, so it can stay where it is; nothing is linked.</summary>
    /// <param name="hash">The SHA-256 (hex) of <paramref name="bytes"/>, for the record's quick answer.</param>
    public bool IsSame(string outputPath, ReadOnlySpan<byte> bytes, string hash) =>
        !RecordedOtherwise(outputPath, bytes.Length, hash) && IfOld(outputPath, bytes, static (_, _) => true);

    /// <summary>True when the last build's record says the file at <paramref name="outputPath"/> is not these bytes (it
    /// records another size or hash, or no such file): then it is not opened. False without a record.</summary>
    private bool RecordedOtherwise(string outputPath, long size, string hash) =>
        _recorded is not null
        && !(_recorded.TryGetValue(OutputManifest.Normalize(outputPath), out var file) && file.Size == size && file.Hash.Equals(hash, StringComparison.Ordinal));

    /// <summary>For a commit in place: true when the previous site's file at <paramref name="outputPath"/> is a regular file
    /// with no other name that is still exactly what the last build recorded (<paramref name="size"/> bytes with SHA-256
    /// <paramref name="hash"/>), so it can stay where it is.</summary>
    /// <param name="stamp">The stamp the last build recorded for the file, if any: when the file's stamp is still that,
    /// its bytes are trusted without reading them.</param>
    /// <param name="settled">The file's stamp, taken before its bytes were read, when it had settled by then (see
    /// <see cref="FileStamp.SettledBefore"/>), for the next build to trust; null when it had not.</param>
    public bool IsRecorded(string outputPath, long size, string hash, FileStamp? stamp, out FileStamp? settled)
    {
        var takenAt = DateTime.UtcNow;
        var now = FileKinds.StampOf(Path.Combine(Root, outputPath));
        settled = now is { IsRegular: true } current && current.Size == size && current.SettledBefore(takenAt) ? current : null;
        if (stamp is not null && settled == stamp)
        {
            return true;
        }

        return IfOld(outputPath, size, (_, bytes) => Recorded(bytes, hash));
    }

    private bool LinkIfSame(string outputPath, ReadOnlySpan<byte> bytes, string target) => IfOld(outputPath, bytes, (old, _) => Link(old, outputPath, target));

    /// <summary>What to do with the old file once it is read: its descriptor (to link through) and its bytes.</summary>
    private delegate bool OldFileStep(SafeFileHandle old, ReadOnlySpan<byte> bytes);

    private bool IfOld(string outputPath, long size, OldFileStep then) => IfOld(outputPath, size, default, compare: false, then);

    private bool IfOld(string outputPath, ReadOnlySpan<byte> expected, OldFileStep then) => IfOld(outputPath, expected.Length, expected, compare: true, then);

    /// <summary>Opens the old file at <paramref name="outputPath"/> as a regular file of <paramref name="size"/> bytes with
    /// no other name, reads it whole into a pooled buffer, compares it with <paramref name="expected"/> when
    /// <paramref name="compare"/> is set, and asks <paramref name="then"/>; false when any step fails.</summary>
    private bool IfOld(string outputPath, long size, ReadOnlySpan<byte> expected, bool compare, OldFileStep then)
    {
        if (size > int.MaxValue / 2)
        {
            return false;
        }

        using var old = OpenUnshared(outputPath, (int)size);
        if (old is null)
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max((int)size, 1));
        try
        {
            var bytes = buffer.AsSpan(0, (int)size);
            return ReadAll(old, bytes) && (!compare || bytes.SequenceEqual(expected)) && then(old, bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Recorded(ReadOnlySpan<byte> bytes, string hash) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).Equals(hash, StringComparison.Ordinal);

    /// <summary>Links the old file at <paramref name="target"/>, or, where it cannot be linked, writes its bytes there.</summary>
    private bool LinkOrCopy(SafeFileHandle old, string outputPath, ReadOnlySpan<byte> bytes, string target)
    {
        if (Link(old, outputPath, target))
        {
            Interlocked.Increment(ref _linked);
            return true;
        }

        using var copy = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(copy, bytes, 0);
        Interlocked.Increment(ref _written);
        return true;
    }

    private bool Count(bool linked)
    {
        if (linked)
        {
            Interlocked.Increment(ref _linked);
        }
        else
        {
            Interlocked.Increment(ref _written);
        }

        return linked;
    }

    /// <summary>The old file, opened without following a link, when it is a regular file of the expected length with no
    /// other name.</summary>
    private SafeFileHandle? OpenUnshared(string outputPath, int length)
    {
        int fd;
        try
        {
            fd = Open(Path.Combine(Root, outputPath), OpenFlags);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return null;
        }

        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> stat = stackalloc byte[256];
        if (Statx(fd, string.Empty, AtEmptyPath, StatxWanted, stat) != 0
            || (BitConverter.ToUInt16(stat[StatxModeOffset..]) & 0xF000) != 0x8000
            || BitConverter.ToUInt32(stat[StatxNlinkOffset..]) != 1
            || BitConverter.ToInt64(stat[StatxSizeOffset..]) != length)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    private static bool ReadAll(SafeFileHandle handle, Span<byte> into)
    {
        var read = 0;
        while (read < into.Length)
        {
            var n = RandomAccess.Read(handle, into[read..], read);
            if (n <= 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    /// <summary>Links the inode behind <paramref name="old"/> (the one compared, even if its name changed since) at
    /// <paramref name="target"/>; by name when <c>/proc</c> is not there.</summary>
    private bool Link(SafeFileHandle old, string outputPath, string target)
    {
        if (LinkAt(AtFdCwd, $"/proc/self/fd/{old.DangerousGetHandle()}", AtFdCwd, target, AtSymlinkFollow) == 0)
        {
            return true;
        }

        return Marshal.GetLastPInvokeError() == 2 /* ENOENT: no /proc */ && LinkAt(AtFdCwd, Path.Combine(Root, outputPath), AtFdCwd, target, 0) == 0;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkAt(int oldDirectory, string oldPath, int newDirectory, string newPath, int flags);
}
