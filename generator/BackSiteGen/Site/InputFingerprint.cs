using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackSiteGen.Content;
using BackSiteGen.Output;

namespace BackSiteGen.Site;

/// <summary>What a build reads, fingerprinted in two parts: <see cref="Shared"/>, one SHA-256 over everything but the
/// pages' bodies (every file of the content and theme folders by name and bytes, each page by name, front matter and
/// body line, the options that change what is built, the day it counts as today, and the generator itself), and one
/// SHA-256 per page body. <see cref="Whole"/> covers both.</summary>
/// <remarks>A page body is the only input whose change stays with one page (and the pages embedding it, and the
/// references page): <c>serve</c>'s rule, which the page cache of <c>build</c> follows (see <see cref="PageCache"/>).
/// A page file is cut after its front matter on its bytes (see <see cref="PageParts"/>); a file that does not cut counts
/// as shared, whole.</remarks>
/// <param name="Bodies">Body hash per page file, by path relative to the content folder.</param>
internal sealed record InputFingerprint(string Whole, string Shared, IReadOnlyDictionary<string, string> Bodies)
{
    /// <summary>Every entry read, with its file system stamp, for <see cref="StillCurrent"/>.</summary>
    private List<Entry> Entries { get; init; } = [];

    /// <summary>When the inputs were read: a file changed less than a second before may change again without its stamp
    /// changing (time stamps are as coarse as the kernel's tick), so <see cref="StillCurrent"/> reads it again.</summary>
    private DateTime ReadAt { get; init; }

    /// <summary>Null when anything is in doubt (a symbolic link, a special file or an unreadable entry anywhere in the
    /// inputs: what lies behind a link can change without the folder changing); without a fingerprint nothing is reused.</summary>
    /// <param name="known">The stamps the last build into the same output recorded of these inputs, with their hashes: a
    /// file whose stamp is still the recorded one (same inode, size, modification and change times, to the nanosecond)
    /// is not read again, as git trusts its index. Only stamps that had settled a second before they were taken are ever
    /// recorded (<see cref="FileStamp.SettledBefore"/>), and a hand edit that puts the old modification time back still
    /// changes the change time, which no tool can set.</param>
    public static InputFingerprint? Of(BuildOptions options, InputStamps? known = null)
    {
        var readAt = DateTime.UtcNow;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Text("backsitegen inputs 2");
        Text(typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString());
        Text(options.FullPath(options.ContentDir));
        Text(options.FullPath(options.ThemeDir));
        Text(options.BaseDirectory);
        Text(options.BaseUrl ?? "\0");
        Text(string.Create(CultureInfo.InvariantCulture, $"{options.Strict} {options.Drafts} {options.External} {options.Preview} {options.Force} {options.Today:yyyy-MM-dd}"));
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<Entry>();
        var hashes = known?.Generator == Generator ? known.Entries : null;
        var read = 0;
        if (!Folder(options.FullPath(options.ContentDir), ContentName, hash, Text, bodies, entries, hashes, ref read)
            || !Folder(options.FullPath(options.ThemeDir), ThemeName, hash, Text, null, entries, hashes, ref read))
        {
            return null;
        }

        var shared = Convert.ToHexStringLower(hash.GetHashAndReset());
        Text(shared);
        foreach (var (path, body) in bodies.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Text(path + "\0" + body);
        }

        return new InputFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), shared, bodies) { Entries = entries, ReadAt = readAt, FilesRead = read };
    }

    /// <summary>Who hashed the inputs: this generator's build, whose hashes are the only ones it takes on a record's word.</summary>
    private static readonly string Generator = typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private const string ContentName = "content/";
    private const string ThemeName = "theme/";

    /// <summary>How many input files were read and hashed; the rest were known by their stamps.</summary>
    public int FilesRead { get; private init; }

    /// <summary>How many input files there are.</summary>
    public int Files => Entries.Count(e => e.Digest is not null);

    /// <summary>What the record of this build keeps for the next one to read fewer files (see <see cref="Of"/>): the stamp
    /// and hashes of every input file that had settled a second before this build read it.</summary>
    public InputStamps Stamps()
    {
        var settled = new Dictionary<string, InputStamp>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (entry.Stamp is { IsRegular: true } stamp && stamp.SettledBefore(ReadAt) && entry.Digest is { } digest)
            {
                settled[entry.Name] = new InputStamp(stamp, Convert.ToHexStringLower(digest), entry.Body);
            }
        }

        return new InputStamps(Generator, settled);
    }

    /// <summary>True when the inputs are still what this fingerprint read: the same entries with the same file system
    /// stamps (type, inode, size, modification and change times), and the same bytes for a file changed just before they
    /// were read. Reading every input again cost as much as the first time; asking for the stamps costs a tenth.</summary>
    public bool StillCurrent(BuildOptions options)
    {
        if (Entries.Any(e => e.Stamp is null))
        {
            return Of(options) is { } again && again.Whole == Whole;
        }

        try
        {
            var paths = Listed(options.FullPath(options.ContentDir)).Concat(Listed(options.FullPath(options.ThemeDir))).ToList();
            if (!paths.SequenceEqual(Entries.Select(e => e.Path), StringComparer.Ordinal))
            {
                return false;
            }

            var racy = ReadAt.AddSeconds(-1);
            var current = true;
            Parallel.For(0, Entries.Count, (i, state) =>
            {
                var entry = Entries[i];
                if (FileKinds.StampOf(entry.Path) != entry.Stamp
                    || (entry.Stamp is { IsRegular: true } stamp && stamp.Changed >= racy && Digest(entry.Path, entry.Page) is var (digest, body) && (!digest.AsSpan().SequenceEqual(entry.Digest) || body != entry.Body)))
                {
                    current = false;
                    state.Stop();
                }
            });
            return current;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Two fingerprints of the same inputs are the same; the whole one says it.</summary>
    public bool Equals(InputFingerprint? other) => other is not null && Whole == other.Whole;

    public override int GetHashCode() => Whole.GetHashCode(StringComparison.Ordinal);

    private static IEnumerable<string> Listed(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false })
            .Order(StringComparer.Ordinal);

    /// <param name="bodies">Where page bodies are hashed apart (the content folder), or null (the theme: all shared).</param>
    /// <param name="known">Hashes by stamp, by input name (see <see cref="Of"/>).</param>
    /// <param name="filesRead">Counts the files read and hashed.</param>
    private static bool Folder(string root, string prefix, IncrementalHash hash, Action<string> text, Dictionary<string, string>? bodies, List<Entry> read, IReadOnlyDictionary<string, InputStamp>? known, ref int filesRead)
    {
        if (FileKinds.Of(root, followLinks: true) != FileKind.Directory)
        {
            return false;
        }

        text("folder " + root);
        try
        {
            var entries = Listed(root).ToList();
            var kinds = new FileKind[entries.Count];
            var stamps = new FileStamp?[entries.Count];
            var digests = new byte[entries.Count][];
            var split = new string?[entries.Count];
            var names = new string[entries.Count];
            var toRead = new List<int>();
            // One statx per entry, 2,050 of them for 2,000 pages: spread over the cores too, as the hashing below is.
            Parallel.For(0, entries.Count, i => stamps[i] = FileKinds.StampOf(entries[i]));
            for (var i = 0; i < entries.Count; i++)
            {
                kinds[i] = stamps[i] is { } stamp ? stamp.Kind : FileKinds.Of(entries[i]);
                if (kinds[i] != FileKind.Regular && kinds[i] != FileKind.Directory)
                {
                    return false;
                }

                names[i] = prefix + Path.GetRelativePath(root, entries[i]).Replace('\\', '/');
                if (kinds[i] != FileKind.Regular)
                {
                    continue;
                }

                if (known is not null && stamps[i] is { } current && known.TryGetValue(names[i], out var recorded) && recorded.Stamp == current
                    && (recorded.Body is null || bodies is not null))
                {
                    digests[i] = Convert.FromHexString(recorded.Digest);
                    split[i] = recorded.Body;
                }
                else
                {
                    toRead.Add(i);
                }
            }

            // Hashing is most of the cost: spread over the cores, then appended in name order.
            Parallel.For(0, toRead.Count, j =>
            {
                var i = toRead[j];
                (digests[i], split[i]) = Digest(entries[i], bodies is not null);
            });
            filesRead += toRead.Count;
            for (var i = 0; i < entries.Count; i++)
            {
                var relative = names[i][prefix.Length..];
                text(relative + "\0" + kinds[i] + (split[i] is null ? string.Empty : "\0page"));
                if (kinds[i] == FileKind.Regular)
                {
                    hash.AppendData(digests[i]);
                }

                if (split[i] is { } body)
                {
                    bodies![relative] = body;
                }

                read.Add(new Entry(entries[i], names[i], stamps[i], digests[i], split[i], bodies is not null));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return true;
    }

    private static (byte[] Digest, string? Body) Digest(string path, bool inContent) =>
        inContent && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? PageParts(path) : (Convert.FromHexString(OutputManifest.Hash(path)), null);

    /// <param name="Page">True for an entry of the content folder, whose .md files are cut into front matter and body.</param>
    /// <param name="Name">The input's name in the record of stamps: <c>content/</c> or <c>theme/</c> and its path under that folder.</param>
    private sealed record Entry(string Path, string Name, FileStamp? Stamp, byte[]? Digest, string? Body, bool Page);

    /// <summary>A page file cut after its front matter: the hash of everything up to and including the closing fence line,
    /// and the hash of the rest (the body); or the hash of its bytes alone (and no body) when it does not cut.</summary>
    /// <remarks>Cut on the bytes, without decoding them: decoding every page to text twice per build cost as much as the
    /// hashing. The cut only has to be at or after the one the page reader makes (<see cref="FrontMatterParser.Split"/>
    /// on the decoded text), never before it: then equal bytes up to the cut mean an equal front matter and body line as
    /// the reader sees them, and only what lies after the cut is left to the body's hash. So the fences it knows are the
    /// reader's plainest ones (<c>---</c>, or <c>...</c> to close, alone on a line ending in LF or CRLF, the first after an
    /// optional byte-order mark): a fence the reader also takes (trailing blanks, a lone CR) only moves the cut later, where
    /// more of the page counts as shared, which is safe.</remarks>
    private static (byte[] Shared, string? Body) PageParts(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > 64 * 1024 * 1024)
        {
            return (Convert.FromHexString(OutputManifest.Hash(path)), null);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max((int)length, 1));
        try
        {
            var read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is var n and > 0)
            {
                read += n;
            }

            var bytes = buffer.AsSpan(0, read);
            if (Cut(bytes) is not { } cut)
            {
                return (SHA256.HashData(bytes), null);
            }

            return (SHA256.HashData(bytes[..cut]), Convert.ToHexStringLower(SHA256.HashData(bytes[cut..])));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Where the body starts: just after the first closing fence line, when the file opens with a fence.</summary>
    internal static int? Cut(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (FenceLine(bytes, start, "---"u8) is not { } position)
        {
            return null;
        }

        while (position < bytes.Length)
        {
            if ((FenceLine(bytes, position, "---"u8) ?? FenceLine(bytes, position, "..."u8)) is { } after)
            {
                return after;
            }

            var next = bytes[position..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return null;
            }

            position += next + 1;
        }

        return null;
    }

    /// <summary>The position after the line at <paramref name="start"/> when that line is exactly the fence.</summary>
    private static int? FenceLine(ReadOnlySpan<byte> bytes, int start, ReadOnlySpan<byte> fence)
    {
        var rest = bytes[start..];
        if (!rest.StartsWith(fence))
        {
            return null;
        }

        rest = rest[fence.Length..];
        return rest.StartsWith("\n"u8) ? start + fence.Length + 1 : rest.StartsWith("\r\n"u8) ? start + fence.Length + 2 : null;
    }
}
