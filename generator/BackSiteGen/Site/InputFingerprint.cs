using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackSiteGen.Content;

namespace BackSiteGen.Site;

/// <summary>What a build reads, fingerprinted in two parts: <see cref="Shared"/>, one SHA-256 over everything but the
/// pages' bodies (every file of the content and theme folders by name and bytes, each page by name, front matter and
/// body line, the options that change what is built, the day it counts as today, and the generator itself), and one
/// SHA-256 per page body. <see cref="Whole"/> covers both.</summary>
/// <remarks>A page body is the only input whose change stays with one page (and the pages embedding it, and the
/// references page): <c>serve</c>'s rule, which the page cache of <c>build</c> follows (see <see cref="PageCache"/>).
/// The split is made by the code that reads pages (<see cref="SourceText"/>, <see cref="FrontMatterParser.Split"/>),
/// so it is the split the build sees; a file that does not read or split as a page counts as shared, whole.</remarks>
/// <param name="Bodies">Body hash per page file, by path relative to the content folder.</param>
internal sealed record InputFingerprint(string Whole, string Shared, IReadOnlyDictionary<string, string> Bodies)
{
    /// <summary>Null when anything is in doubt (a symbolic link, a special file or an unreadable entry anywhere in the
    /// inputs: what lies behind a link can change without the folder changing); without a fingerprint nothing is reused.</summary>
    public static InputFingerprint? Of(BuildOptions options)
    {
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
        if (!Folder(options.FullPath(options.ContentDir), hash, Text, bodies) || !Folder(options.FullPath(options.ThemeDir), hash, Text, null))
        {
            return null;
        }

        var shared = Convert.ToHexStringLower(hash.GetHashAndReset());
        Text(shared);
        foreach (var (path, body) in bodies.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Text(path + "\0" + body);
        }

        return new InputFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), shared, bodies);
    }

    /// <summary>Two fingerprints of the same inputs are the same; the whole one says it.</summary>
    public bool Equals(InputFingerprint? other) => other is not null && Whole == other.Whole;

    public override int GetHashCode() => Whole.GetHashCode(StringComparison.Ordinal);

    /// <param name="bodies">Where page bodies are hashed apart (the content folder), or null (the theme: all shared).</param>
    private static bool Folder(string root, IncrementalHash hash, Action<string> text, Dictionary<string, string>? bodies)
    {
        if (FileKinds.Of(root, followLinks: true) != FileKind.Directory)
        {
            return false;
        }

        text("folder " + root);
        try
        {
            var entries = Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false })
                .Order(StringComparer.Ordinal)
                .ToList();
            var kinds = new FileKind[entries.Count];
            var digests = new byte[entries.Count][];
            var split = new string?[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                kinds[i] = FileKinds.Of(entries[i]);
                if (kinds[i] != FileKind.Regular && kinds[i] != FileKind.Directory)
                {
                    return false;
                }
            }

            // Hashing is most of the cost: spread over the cores, then appended in name order.
            Parallel.For(0, entries.Count, i =>
            {
                if (kinds[i] == FileKind.Regular)
                {
                    (digests[i], split[i]) = bodies is not null && entries[i].EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? PageParts(entries[i]) : (Convert.FromHexString(Output.OutputManifest.Hash(entries[i])), null);
                }
            });
            for (var i = 0; i < entries.Count; i++)
            {
                var relative = Path.GetRelativePath(root, entries[i]);
                text(relative + "\0" + kinds[i] + (split[i] is null ? string.Empty : "\0page"));
                if (kinds[i] == FileKind.Regular)
                {
                    hash.AppendData(digests[i]);
                }

                if (split[i] is { } body)
                {
                    bodies![relative.Replace('\\', '/')] = body;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return true;
    }

    /// <summary>A page file as the build reads it: the hash of everything but its body, and its body's hash; or the hash
    /// of its bytes alone (and no body) when it does not read as text or its front matter does not close.</summary>
    private static (byte[] Shared, string? Body) PageParts(string path)
    {
        var text = SourceText.Read(path, path, new Diagnostics.DiagnosticBag());
        if (text is null || FrontMatterParser.Split(text) is not { } split)
        {
            return (Convert.FromHexString(Output.OutputManifest.Hash(path)), null);
        }

        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{split.BodyLine} {split.FrontMatterLine} {(split.FrontMatterText is null ? "none" : "front matter")}\0{split.FrontMatterText}"));
        return (SHA256.HashData(head), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(split.Body))));
    }
}
