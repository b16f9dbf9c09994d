using System.Runtime.InteropServices;
using System.Text;

namespace BackSiteGen.Output;

/// <summary>The entries of one folder, read with <c>readdir</c>, each with the type the folder records for it, without
/// following links; an entry whose type the file system does not record is asked with <c>lstat</c>.</summary>
internal static partial class FolderEntries
{
    private const int NameOffset = 19; // struct dirent: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name
    private const int TypeOffset = 18;
    private const byte Unknown = 0;
    private const byte Folder = 4;
    private const byte Link = 10;

    /// <summary>A name that is not UTF-8 could not be named again to remove it: such a folder is not walked (the caller
    /// then swaps the whole site, which removes it).</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Every entry but <c>.</c> and <c>..</c>; an <see cref="IOException"/> when the folder cannot be read.</summary>
    public static List<(string Name, bool IsFolder, bool IsLink)> Of(string folder)
    {
        var handle = OpenDir(folder);
        if (handle == 0)
        {
            throw new IOException($"Cannot read the folder '{folder}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        var entries = new List<(string Name, bool IsFolder, bool IsLink)>();
        try
        {
            while (true)
            {
                var entry = ReadDir(handle);
                if (entry == 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno != 0)
                    {
                        throw new IOException($"Cannot read the folder '{folder}': {Marshal.GetPInvokeErrorMessage(errno)}");
                    }

                    return entries;
                }

                var name = Name(entry);
                if (name is "." or "..")
                {
                    continue;
                }

                var type = Marshal.ReadByte(entry, TypeOffset);
                if (type == Unknown)
                {
                    var kind = Content.FileKinds.Of(Path.Combine(folder, name));
                    entries.Add((name, kind == Content.FileKind.Directory, kind == Content.FileKind.SymbolicLink));
                }
                else
                {
                    entries.Add((name, type == Folder, type == Link));
                }
            }
        }
        finally
        {
            _ = CloseDir(handle);
        }
    }

    private static unsafe string Name(nint entry)
    {
        var name = new ReadOnlySpan<byte>((byte*)entry + NameOffset, 256);
        var length = name.IndexOf((byte)0);
        try
        {
            return StrictUtf8.GetString(name[..(length < 0 ? name.Length : length)]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new IOException("A name in the output is not UTF-8.", ex);
        }
    }

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDir(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDir(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint directory);
}
