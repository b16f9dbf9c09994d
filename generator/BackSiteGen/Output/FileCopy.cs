using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Output;

/// <summary>Copies a file into the site only if it is still a regular file that can be read when it is copied.</summary>
/// <remarks>The scanner admitted it, but <see cref="File.Copy(string, string)"/> of a FIFO blocks forever and of
/// <c>/dev/zero</c> fills the disk: the file is opened (without blocking) and asked its type again right before the copy.
/// A file that cannot be read is reported at the file, not at the output folder, which is not at fault.</remarks>
public static class FileCopy
{
    /// <summary>False, with an error at <paramref name="display"/>, when the source cannot be read; a failure to write
    /// the target is thrown, for the caller to report at the output folder.</summary>
    /// <param name="reuse">Given the opened source and the target, links an identical earlier copy there instead (true),
    /// or does nothing (false) and the file is copied.</param>
    public static bool Regular(string source, string target, string display, DiagnosticBag diagnostics, Func<Microsoft.Win32.SafeHandles.SafeFileHandle, string, bool>? reuse = null)
    {
        if (Read(source, display, diagnostics, handle => reuse is not null && reuse(handle, target) ? "linked" : string.Empty) is not { } done)
        {
            return false;
        }

        if (done.Length == 0)
        {
            File.Copy(source, target);
        }

        return true;
    }

    /// <summary>The bytes of a file that is still a regular file (for <c>serve</c>, which holds the site in memory);
    /// null, with an error at <paramref name="display"/>, otherwise.</summary>
    public static byte[]? ReadRegular(string source, string display, DiagnosticBag diagnostics) =>
        Read(source, display, diagnostics, handle =>
        {
            var bytes = new byte[RandomAccess.GetLength(handle)];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
            {
                read += n;
            }

            return read == bytes.Length ? bytes : bytes[..read];
        });

    /// <summary>Opens the source as a regular file and reads it; null, with the reason at the file, when it is not one
    /// or cannot be read.</summary>
    private static T? Read<T>(string source, string display, DiagnosticBag diagnostics, Func<Microsoft.Win32.SafeHandles.SafeFileHandle, T> read)
        where T : class
    {
        try
        {
            using var handle = FileKinds.OpenRegular(source);
            return read(handle);
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
    }
}
