using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BackSiteGen.Content;

/// <summary>What a directory entry is, asked of the file system without opening it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>The file type of a path (lstat semantics by default), and an open that cannot hang on a named pipe.</summary>
/// <remarks>.NET tells files from folders but not a FIFO, a device or a socket from a regular file, and opening a FIFO
/// for reading blocks until some writer opens it: a FIFO named <c>x.md</c> froze <c>build</c>, <c>check</c> and
/// <c>serve</c>. On Linux the type comes from <c>statx</c>, whose buffer layout is the same on every architecture
/// (unlike <c>struct stat</c>); elsewhere from what .NET knows.</remarks>
public static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxBufferSize = 256;
    private const int OpenReadOnlyNonBlocking = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC

    private static bool _noStatx = !OperatingSystem.IsLinux();

    /// <summary>The type of <paramref name="path"/> itself; with <paramref name="followLinks"/> the type of what a link leads to.</summary>
    public static FileKind Of(string path, bool followLinks = false)
    {
        if (!_noStatx)
        {
            try
            {
                Span<byte> buffer = stackalloc byte[StatxBufferSize];
                if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
                {
                    return FileKind.Missing;
                }

                return FromMode(BitConverter.ToUInt16(buffer[StatxModeOffset..]));
            }
            catch (EntryPointNotFoundException)
            {
                _noStatx = true;
            }
            catch (DllNotFoundException)
            {
                _noStatx = true;
            }
        }

        return Managed(path, followLinks);
    }

    /// <summary>What <c>statx</c> says of <paramref name="path"/> itself (not following a link): enough to tell that it
    /// changed. Null where <c>statx</c> is not available or the entry is gone.</summary>
    internal static FileStamp? StampOf(string path)
    {
        if (_noStatx)
        {
            return null;
        }

        try
        {
            Span<byte> buffer = stackalloc byte[StatxBufferSize];
            // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE.
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | 0x2 | 0x40 | 0x80 | 0x100 | 0x200, buffer) != 0)
            {
                return null;
            }

            return new FileStamp(
                BitConverter.ToUInt16(buffer[StatxModeOffset..]),
                BitConverter.ToUInt64(buffer[32..]),
                BitConverter.ToInt64(buffer[40..]),
                BitConverter.ToInt64(buffer[112..]),
                BitConverter.ToUInt32(buffer[120..]),
                BitConverter.ToInt64(buffer[96..]),
                BitConverter.ToUInt32(buffer[104..]));
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _noStatx = true;
            return null;
        }
    }

    /// <summary>Opens a regular file for reading; anything else (a FIFO, a device, a socket, a folder) is refused with an
    /// <see cref="IOException"/> that names what it is, and a FIFO is refused without waiting for a writer.</summary>
    public static SafeFileHandle OpenRegular(string path)
    {
        if (_noStatx)
        {
            var kind = Of(path, followLinks: true);
            if (kind != FileKind.Regular && kind != FileKind.Missing)
            {
                throw new NotRegularFileException(NotRegular(kind));
            }

            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var fd = Open(path, OpenReadOnlyNonBlocking);
        if (fd < 0)
        {
            // The managed open reports a missing file or a permission problem in .NET's own words.
            var kind = Of(path, followLinks: true);
            if (kind is not FileKind.Regular and not FileKind.Missing)
            {
                throw new NotRegularFileException(NotRegular(kind));
            }

            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            Span<byte> buffer = stackalloc byte[StatxBufferSize];
            var opened = Statx(fd, string.Empty, AtEmptyPath, StatxType, buffer) == 0 ? FromMode(BitConverter.ToUInt16(buffer[StatxModeOffset..])) : FileKind.Missing;
            if (opened != FileKind.Regular)
            {
                throw new NotRegularFileException(NotRegular(opened));
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole regular file as UTF-8 text, refusing anything else.</summary>
    public static string ReadAllText(string path)
    {
        using var handle = OpenRegular(path);
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The words a writer understands for a file that is not a regular file.</summary>
    public static string NotRegular(FileKind kind) => kind switch
    {
        FileKind.Fifo => "it is a named pipe (FIFO), not a regular file; it was not opened",
        FileKind.CharacterDevice or FileKind.BlockDevice => "it is a device, not a regular file; it was not opened",
        FileKind.Socket => "it is a socket, not a regular file; it was not opened",
        FileKind.Directory => "it is a folder, not a file",
        FileKind.Missing => "it does not exist",
        _ => "it is not a regular file",
    };

    internal static FileKind FromMode(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Missing,
    };

    private static FileKind Managed(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists)
        {
            info = new DirectoryInfo(path);
            if (!info.Exists)
            {
                return info.LinkTarget is null ? FileKind.Missing : (followLinks ? FileKind.Missing : FileKind.SymbolicLink);
            }
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (info is DirectoryInfo)
        {
            return FileKind.Directory;
        }

        return info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.Regular;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}

/// <summary>An entry's type and mode, inode, size, and modification and change times, as <c>statx</c> gives them.</summary>
public readonly record struct FileStamp(ushort Mode, ulong Inode, long Size, long ModifiedSeconds, uint ModifiedNanoseconds, long ChangedSeconds, uint ChangedNanoseconds)
{
    public FileKind Kind => FileKinds.FromMode(Mode);

    public bool IsRegular => Kind == FileKind.Regular;

    public DateTime Changed => DateTime.UnixEpoch.AddSeconds(ChangedSeconds).AddTicks(ChangedNanoseconds / 100);

    /// <summary>True when neither the bytes nor the inode changed in the second before <paramref name="takenAt"/>: time
    /// stamps are as coarse as the kernel's tick, so a file changed just before its stamp was taken could change again
    /// without its stamp changing (git's "racily clean" entries), and its stamp proves nothing.</summary>
    public bool SettledBefore(DateTime takenAt)
    {
        var limit = (long)(takenAt - DateTime.UnixEpoch).TotalSeconds - 1;
        return ModifiedSeconds < limit && ChangedSeconds < limit;
    }
}

/// <summary>A FIFO, device, socket or folder where a regular file was expected.</summary>
public sealed class NotRegularFileException(string message) : IOException(message);
