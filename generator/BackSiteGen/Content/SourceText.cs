using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Content;

/// <summary>Reads a writer's file as strict UTF-8: a byte-order mark is dropped, CRLF becomes LF,
/// and invalid bytes are reported with their offset instead of silently turned into replacement characters.</summary>
public static class SourceText
{
    // Larger files go through File.ReadAllBytes rather than a pooled buffer: the pool keeps what it lends.
    private const int PooledReadLimit = 1 << 20;

    /// <summary>No writer's text file is this large; reading one would only exhaust memory.</summary>
    private const long MaxFileBytes = 256L << 20;

    /// <param name="root">When given, the file is read only if its real path lies inside this folder (a data file that is
    /// a symbolic link to <c>/etc/shadow</c> is refused before a byte of it is read).</param>
    public static string? Read(string path, string display, DiagnosticBag diagnostics, string? root = null)
    {
        if (root is not null && new InputTree(root, "content", diagnostics).AdmitPath(path, display) is null)
        {
            return null;
        }

        return Decoded(path, display, diagnostics, cut: null);
    }

    /// <summary>Reads the file into a pooled buffer with one open and, for a file of known size, one read:
    /// every page used to cost a new byte array as large as the file, dropped as soon as it was decoded.</summary>
    /// <remarks>Opens the file as <see cref="File.ReadAllBytes(string)"/> does, so a failure reads the same, and like it
    /// reads on until the end when the size is reported as 0 (files in /proc).</remarks>
    private static (byte[] Buffer, int Length, bool Pooled) ReadBytes(string path)
    {
        // Opened without blocking and asked its type first: a FIFO named x.md used to hang the build forever.
        using (var handle = FileKinds.OpenRegular(path))
        {
            long size;
            try
            {
                size = RandomAccess.GetLength(handle);
            }
            catch (NotSupportedException)
            {
                // A pipe has no length; File.ReadAllBytes knows how to read it.
                size = -1;
            }

            if (size is >= 0 and <= PooledReadLimit)
            {
                return ReadPooled(handle, (int)size);
            }
        }

        using var large = new FileStream(FileKinds.OpenRegular(path), FileAccess.Read, 1);
        if (large.Length > MaxFileBytes)
        {
            throw new IOException($"it is {large.Length / (1 << 20)} MB, more than the {MaxFileBytes >> 20} MB a text file may be");
        }

        var all = new byte[large.Length];
        large.ReadExactly(all);
        return (all, all.Length, false);
    }

    private static (byte[] Buffer, int Length, bool Pooled) ReadPooled(SafeFileHandle handle, int size)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size == 0 ? 4096 : size);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(length, size == 0 ? buffer.Length - length : size - length), length);
                if (read == 0)
                {
                    if (size != 0 && length < size)
                    {
                        // The file shrank while we read it; File.ReadAllBytes reports the same.
                        throw new EndOfStreamException("Unable to read beyond the end of the stream.");
                    }

                    return (buffer, length, true);
                }

                length += read;
                if (size != 0 && length == size)
                {
                    return (buffer, length, true);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Where the part of a file a reader needs ends, on its bytes; null when it cannot tell.</summary>
    public delegate int? Cutter(ReadOnlySpan<byte> bytes);

    /// <summary>Like <see cref="Read(string, string, DiagnosticBag, string?)"/>, but for a reader that needs only the
    /// start of the file: the text of the bytes before <paramref name="cut"/>'s position. The whole file is still checked
    /// as strict UTF-8, with the same diagnostic; a file with CR line ends, or that does not cut, is decoded whole.</summary>
    /// <remarks>A build reads each page's front matter first and its body only when it renders it: decoding every body
    /// to text on the first read, only to drop it, was most of the cost of reading the pages of a one-page edit.</remarks>
    public static string? ReadStart(string path, string display, DiagnosticBag diagnostics, Cutter cut) => Decoded(path, display, diagnostics, cut);

    private static string? Decoded(string path, string display, DiagnosticBag diagnostics, Cutter? cut)
    {
        (byte[]? Buffer, int Length, bool Pooled) file = default;
        try
        {
            try
            {
                file = ReadBytes(path);
            }
            catch (NotRegularFileException ex)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotRegularFile, SourceSpan.WholeFile(display), $"Refused: {ex.Message}."));
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(display), $"Cannot read the file: {ex.Message}"));
                return null;
            }

            var bytes = file.Buffer.AsSpan(0, file.Length);
            return cut is not null && Utf8.IsValid(bytes) && !bytes.Contains((byte)'\r') && cut(bytes) is { } end
                ? Decode(bytes[..end], display, diagnostics)
                : Decode(bytes, display, diagnostics);
        }
        finally
        {
            if (file.Pooled)
            {
                ArrayPool<byte>.Shared.Return(file.Buffer!);
            }
        }
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        // The common case, valid UTF-8 with LF endings, decodes straight into the string with no buffer between.
        if (Utf8.IsValid(bytes) && !bytes.Contains((byte)'\r'))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done)
            {
                var (line, column) = LineAndColumn(bytes[..read]);
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.InvalidUtf8,
                    new SourceSpan(display, line, column),
                    $"The file is not valid UTF-8: byte offset {read} (0x{bytes[read]:X2}). Save it as UTF-8."));
                return null;
            }

            var text = new string(chars, 0, written);
            return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> before)
    {
        var line = 1;
        var lastNewline = -1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n')
            {
                line++;
                lastNewline = i;
            }
        }

        // Columns count characters, not bytes, as editors do.
        var lineBytes = before[(lastNewline + 1)..];
        var column = 1;
        foreach (var b in lineBytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
