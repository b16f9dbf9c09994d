using System.Buffers;
using System.Text.Unicode;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Content;

/// <summary>Reads a writer's file as strict UTF-8: a byte-order mark is dropped, CRLF becomes LF,
/// and invalid bytes are reported with their offset instead of silently turned into replacement characters.</summary>
public static class SourceText
{
    public static string? Read(string path, string display, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileSystemError, SourceSpan.WholeFile(display), $"Cannot read the file: {ex.Message}"));
            return null;
        }

        return Decode(bytes, display, diagnostics);
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
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
