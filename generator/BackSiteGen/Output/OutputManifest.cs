using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Diagnostics;

namespace BackSiteGen.Output;

/// <summary>What a build put in its output folder, written into the folder's marker file (<c>.backsitegen-output</c>):
/// every file's path, size and SHA-256, and, after a build with no findings, the fingerprint of everything it was built
/// from, with what that build reported. The next build keeps the folder as it is when the fingerprint is the same and
/// every file still matches, and prints the same findings.</summary>
/// <remarks>Inside the folder, not beside it: the record is swapped in with the tree it describes, so it can never speak
/// of another tree. A build into a new folder writes no time and no machine-specific value in it, so that build stays byte
/// for byte reproducible; a build into an existing output adds the file system stamps of the files it kept and of the
/// inputs it read, which say only when files were written.</remarks>
public sealed class OutputManifest
{
    private const string Header = "This folder was built by BackSiteGen; every build replaces all of it.";
    private const string FormatLine = "manifest 1";

    private readonly ConcurrentDictionary<string, (long Size, string Hash)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileStamp> _stamps = new(StringComparer.Ordinal);

    /// <summary>Every file recorded so far by output path (with <c>/</c>), with its size and SHA-256.</summary>
    public IReadOnlyDictionary<string, (long Size, string Hash)> Files => _files;

    /// <summary>Records a file written into the output; returns the SHA-256 (hex) of its bytes, as the marker keeps it.</summary>
    public string Add(string outputPath, ReadOnlySpan<byte> bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _files[Normalize(outputPath)] = (bytes.Length, hash);
        return hash;
    }

    /// <summary>Records a file whose size and hash are known: one taken from the previous site after checking them.</summary>
    /// <param name="stamp">The file system's stamp of the file, taken before its bytes were checked, when the file stays
    /// where it is and had settled by then (<see cref="FileStamp.SettledBefore"/>): the next build that finds the same
    /// stamp trusts the bytes without reading them, as git trusts its index.</param>
    public void AddKnown(string outputPath, long size, string hash, FileStamp? stamp = null)
    {
        _files[Normalize(outputPath)] = (size, hash);
        if (stamp is { } settled)
        {
            _stamps[Normalize(outputPath)] = settled;
        }
    }

    /// <summary>Records a file copied into the output, hashed from where it landed.</summary>
    public void AddFile(string outputPath, string fullPath)
    {
        _files[Normalize(outputPath)] = (new FileInfo(fullPath).Length, Hash(fullPath));
    }

    /// <summary>Writes the marker: the header every marker has, then this build's record, sorted.</summary>
    /// <param name="findings">What the build reported (notes and warnings: a build with errors is never swapped in), printed
    /// again by a build that keeps this output, as the same inputs would find them again.</param>
    /// <param name="pageCache">What each page's outcome left behind (see <c>Site.PageCache</c>), its parts sealed and in
    /// base64, for the next build to reuse the pages whose inputs did not change; written, joined by spaces, only with
    /// <paramref name="inputs"/>.</param>
    /// <remarks>Streamed, each part straight from its bytes: built as one string first, the 2.3 MB record of 2,000 pages
    /// was copied four times through the large-object heap, and each copy could start a full collection of a heap holding
    /// every page (a third of a one-page edit's "write the record" went to the collector).</remarks>
    /// <param name="inputStamps">The stamps of the inputs that had settled when the build read them, each with what their
    /// bytes hashed to, under the name of the generator that hashed them (see <c>Site.InputFingerprint</c>): the next build
    /// finding the same stamp takes the hash without reading the file. Written only with <paramref name="inputs"/>.</param>
    public void WriteMarker(Stream stream, string? inputs, int pages, int files, IEnumerable<Diagnostic> findings, (string Version, IReadOnlyList<ReadOnlyMemory<byte>> Parts)? pageCache = null, InputStamps? inputStamps = null)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        text.Write(Header);
        text.Write('\n');
        text.Write(FormatLine);
        text.Write('\n');
        if (inputs is not null)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"inputs {inputs} {pages} {files}\n"));
            foreach (var finding in findings)
            {
                text.Write(string.Create(CultureInfo.InvariantCulture, $"finding {(int)finding.Severity} {finding.Code} {finding.Span.Line} {finding.Span.Column} {Escape(finding.Span.File)}\t{Escape(finding.Message)}\n"));
            }

            if (pageCache is { } cache)
            {
                text.Write(string.Create(CultureInfo.InvariantCulture, $"pages {cache.Version} "));
                text.Flush();
                for (var i = 0; i < cache.Parts.Count; i++)
                {
                    if (i > 0)
                    {
                        stream.WriteByte((byte)' ');
                    }

                    stream.Write(cache.Parts[i].Span);
                }

                text.Write('\n');
            }
        }

        foreach (var (path, (size, hash)) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"file {hash} {size} {path}\n"));
        }

        foreach (var (path, s) in _stamps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"stamp {s.Mode} {s.Inode} {s.Size} {s.ModifiedSeconds} {s.ModifiedNanoseconds} {s.ChangedSeconds} {s.ChangedNanoseconds} {path}\n"));
        }

        if (inputs is not null && inputStamps is { } known)
        {
            text.Write(string.Create(CultureInfo.InvariantCulture, $"inputs-hashed-by {known.Generator}\n"));
            foreach (var (path, (s, digest, body)) in known.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                text.Write(string.Create(CultureInfo.InvariantCulture, $"input {s.Mode} {s.Inode} {s.Size} {s.ModifiedSeconds} {s.ModifiedNanoseconds} {s.ChangedSeconds} {s.ChangedNanoseconds} {digest} {body ?? "-"} {Escape(path)}\n"));
            }
        }
    }

    /// <summary>What the marker of <paramref name="folder"/> says of the build that made it; null when it has no record
    /// (an older marker), and <paramref name="damaged"/> true when it has one that cannot be read.</summary>
    public static Recorded? Read(string folder, out bool damaged)
    {
        damaged = false;
        var marker = Path.Combine(folder, OutputFolder.MarkerFile);
        if (FileKinds.Of(marker) != FileKind.Regular)
        {
            return null;
        }

        string[] lines;
        ReadOnlyMemory<byte> pagesLine = default;
        try
        {
            lines = Lines(File.ReadAllBytes(marker), out pagesLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            damaged = true;
            return null;
        }

        if (lines.Length < 2 || lines[0] != Header || lines[1] != FormatLine)
        {
            damaged = lines.Length > 1;
            return null;
        }

        string? inputs = null;
        int pages = 0, count = 0;
        var files = new Dictionary<string, (long Size, string Hash)>(StringComparer.Ordinal);
        var stamps = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var findings = new List<Diagnostic>();
        string? hashedBy = null;
        var inputStamps = new Dictionary<string, InputStamp>(StringComparer.Ordinal);
        (string Version, ReadOnlyMemory<byte> Record)? pageCache = null;
        if (!pagesLine.IsEmpty)
        {
            // Read by the page cache, which checks it whole; here only its shape is checked.
            var space = pagesLine.Span.IndexOf((byte)' ');
            if (space <= 0)
            {
                damaged = true;
                return null;
            }

            pageCache = (Encoding.UTF8.GetString(pagesLine.Span[..space]), pagesLine[(space + 1)..]);
        }

        foreach (var line in lines.Skip(2))
        {
            if (line.StartsWith("pages ", StringComparison.Ordinal))
            {
                // A second record of the pages.
                damaged = true;
                return null;
            }

            if (line.StartsWith("finding ", StringComparison.Ordinal))
            {
                if (Finding(line) is not { } finding)
                {
                    damaged = true;
                    return null;
                }

                findings.Add(finding);
                continue;
            }

            if (line.StartsWith("input ", StringComparison.Ordinal))
            {
                // After the line naming the generator that hashed them.
                if (hashedBy is null || InputStampOf(line) is not var (inputPath, inputStamp) || !inputStamps.TryAdd(inputPath, inputStamp))
                {
                    damaged = true;
                    return null;
                }

                continue;
            }

            if (line.StartsWith("inputs-hashed-by ", StringComparison.Ordinal))
            {
                if (hashedBy is not null || inputs is null)
                {
                    damaged = true;
                    return null;
                }

                hashedBy = line["inputs-hashed-by ".Length..];
                continue;
            }

            if (line.StartsWith("stamp ", StringComparison.Ordinal))
            {
                // After every file line: a stamp of a file the record does not list is damage.
                if (Stamp(line) is not var (stampedPath, stamp) || !files.ContainsKey(stampedPath) || !stamps.TryAdd(stampedPath, stamp))
                {
                    damaged = true;
                    return null;
                }

                continue;
            }

            var parts = line.Split(' ', 4);
            if (parts is ["inputs", var fingerprint, var p, var f] && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out pages) && int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                inputs = fingerprint;
            }
            else if (parts is ["file", var hash, var size, var path] && hash.Length == 64 && long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && files.TryAdd(path, (length, hash)))
            {
            }
            else
            {
                damaged = true;
                return null;
            }
        }

        return new Recorded(inputs, pages, count, files)
        {
            Findings = findings, PageCache = pageCache, Stamps = stamps, InputStamps = hashedBy is null ? null : new InputStamps(hashedBy, inputStamps),
        };
    }

    private static (string Path, InputStamp Stamp)? InputStampOf(string line)
    {
        var parts = line.Split(' ', 11);
        return parts.Length == 11 && StampOf(parts.AsSpan(1, 7)) is { } stamp && IsHash(parts[8]) && (parts[9] == "-" || IsHash(parts[9]))
            ? (Unescape(parts[10]), new InputStamp(stamp, parts[8], parts[9] == "-" ? null : parts[9]))
            : null;
    }

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static bool IsHash(string text) => text.Length == 64 && text.AsSpan().IndexOfAnyExcept(LowerHex) < 0;

    private static (string Path, FileStamp Stamp)? Stamp(string line)
    {
        var parts = line.Split(' ', 9);
        return parts.Length == 9 && StampOf(parts.AsSpan(1, 7)) is { } stamp ? (parts[8], stamp) : null;
    }

    /// <summary>A stamp written as its seven numbers: mode, inode, size, modification and change times (seconds, nanoseconds).</summary>
    private static FileStamp? StampOf(ReadOnlySpan<string> parts) =>
        ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var mode)
        && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
        && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
        && long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var modified)
        && uint.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var modifiedNs)
        && long.TryParse(parts[5], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var changed)
        && uint.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var changedNs)
            ? new FileStamp(mode, inode, size, modified, modifiedNs, changed, changedNs)
            : null;

    /// <summary>The marker's lines (LF or CRLF), but for the first line of the pages' record, which is left as its bytes
    /// after <c>pages </c>: decoding it to text as the other lines are took longer than reading the whole record.</summary>
    private static string[] Lines(byte[] bytes, out ReadOnlyMemory<byte> pagesLine)
    {
        pagesLine = default;
        var lines = new List<string>();
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var memory = bytes.AsMemory();
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var next = end < 0 ? bytes.Length : end + 1;
            var line = memory[start..(end < 0 ? bytes.Length : end)];
            if (line.Span.EndsWith((byte)'\r'))
            {
                line = line[..^1];
            }

            if (pagesLine.IsEmpty && line.Span.StartsWith("pages "u8))
            {
                pagesLine = line["pages ".Length..];
                if (pagesLine.IsEmpty)
                {
                    lines.Add("pages ");
                }
            }
            else
            {
                lines.Add(Encoding.UTF8.GetString(line.Span));
            }

            start = next;
        }

        return [.. lines];
    }

    private static Diagnostic? Finding(string line)
    {
        var parts = line.Split(' ', 6);
        if (parts is not ["finding", var severity, var code, var row, var column, var rest]
            || !int.TryParse(severity, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > (int)Severity.Warning
            || !int.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var lineNumber)
            || !int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var columnNumber)
            || !code.StartsWith("BSG", StringComparison.Ordinal)
            || rest.Split('\t') is not [var file, var message])
        {
            return null;
        }

        return new Diagnostic((Severity)level, code, Unescape(message), new SourceSpan(Unescape(file), lineNumber, columnNumber));
    }

    /// <summary>Keeps a finding on one line of the marker, and its fields apart.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                plain.Append(text[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var other => other });
            }
            else
            {
                plain.Append(text[i]);
            }
        }

        return plain.ToString();
    }

    /// <summary>True when <paramref name="folder"/> holds exactly the recorded files, byte for byte (besides the marker and
    /// the repository's own files at its top), and nothing that is not a plain file or folder.</summary>
    /// <remarks>A file whose stamp is the one recorded (<see cref="Recorded.Stamps"/>) is not read again.</remarks>
    public static bool Matches(string folder, IReadOnlyDictionary<string, (long Size, string Hash)> files, IReadOnlyCollection<string> keptAtTop, IReadOnlyDictionary<string, FileStamp>? stamps = null)
    {
        var found = 0;
        var same = true;
        var pending = new List<(string Full, long Size, string Hash)>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            var relative = Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/');
            if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                return false;
            }

            if (entry is DirectoryInfo)
            {
                continue;
            }

            if (relative == OutputFolder.MarkerFile || keptAtTop.Contains(relative))
            {
                continue;
            }

            if (!files.TryGetValue(relative, out var recorded) || ((FileInfo)entry).Length != recorded.Size || FileKinds.Of(entry.FullName) != FileKind.Regular)
            {
                return false;
            }

            found++;
            if (stamps is null || !stamps.TryGetValue(relative, out var stamp) || FileKinds.StampOf(entry.FullName) != stamp)
            {
                pending.Add((entry.FullName, recorded.Size, recorded.Hash));
            }
        }

        if (found != files.Count)
        {
            return false;
        }

        Parallel.ForEach(pending, (file, state) =>
        {
            if (!Hash(file.Full).Equals(file.Hash, StringComparison.Ordinal))
            {
                same = false;
                state.Stop();
            }
        });
        return same;
    }

    /// <summary>A file's SHA-256 from one read into a pooled buffer (a stream read it 4 KB at a time).</summary>
    internal static string Hash(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > 64 * 1024 * 1024)
        {
            using var stream = new FileStream(handle, FileAccess.Read, 1 << 16);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is var n and > 0)
            {
                read += n;
            }

            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, read)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An output path as the manifest keys it: with <c>/</c>.</summary>
    internal static string Normalize(string outputPath) => outputPath.Replace('\\', '/');

    /// <summary>A previous build's record.</summary>
    /// <param name="Inputs">The fingerprint of what it was built from; null when it had findings (it is never kept then).</param>
    public sealed record Recorded(string? Inputs, int Pages, int Files, IReadOnlyDictionary<string, (long Size, string Hash)> FileHashes)
    {
        /// <summary>The notes and warnings that build printed.</summary>
        public IReadOnlyList<Diagnostic> Findings { get; init; } = [];

        /// <summary>The stamps of files that build found unchanged from the one before and left where they were (see
        /// <see cref="AddKnown"/>), by output path.</summary>
        public IReadOnlyDictionary<string, FileStamp> Stamps { get; init; } = new Dictionary<string, FileStamp>();

        /// <summary>The page cache's format and record (base64, as UTF-8 bytes), when that build left one.</summary>
        public (string Version, ReadOnlyMemory<byte> Record)? PageCache { get; init; }

        /// <summary>The stamps of the inputs that build read, with their hashes (see <see cref="WriteMarker"/>), when it left them.</summary>
        public InputStamps? InputStamps { get; init; }
    }
}

/// <summary>An input file's stamp when a build read it, and what its bytes hashed to then.</summary>
/// <param name="Digest">The SHA-256 (hex) of its bytes, or of its front matter when it is a page cut after it.</param>
/// <param name="Body">The SHA-256 (hex) of a page's body, after the cut; null for any other file.</param>
public readonly record struct InputStamp(FileStamp Stamp, string Digest, string? Body);

/// <summary>Input stamps by input name (<c>content/…</c> or <c>theme/…</c>), with the generator that hashed them: a hash
/// means the same only to the same generator.</summary>
public sealed record InputStamps(string Generator, IReadOnlyDictionary<string, InputStamp> Entries);
