using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackSiteGen.Content;

namespace BackSiteGen.Site;

/// <summary>One SHA-256 over everything a build reads: every file of the content and theme folders (names and bytes), the
/// options that change what is built, the day it counts as today, and the generator itself.</summary>
/// <remarks>Conservative by design: any doubt gives no fingerprint, and without one a build is never skipped. A symbolic
/// link, a special file or an unreadable entry anywhere in the inputs is such a doubt (what lies behind a link can change
/// without the folder changing).</remarks>
internal static class InputFingerprint
{
    public static string? Of(BuildOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Text("backsitegen inputs 1");
        Text(typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString());
        Text(options.FullPath(options.ContentDir));
        Text(options.FullPath(options.ThemeDir));
        Text(options.BaseDirectory);
        Text(options.BaseUrl ?? "\0");
        Text(string.Create(CultureInfo.InvariantCulture, $"{options.Strict} {options.Drafts} {options.External} {options.Preview} {options.Force} {options.Today:yyyy-MM-dd}"));
        return Folder(options.FullPath(options.ContentDir), hash, Text) && Folder(options.FullPath(options.ThemeDir), hash, Text)
            ? Convert.ToHexStringLower(hash.GetHashAndReset())
            : null;
    }

    private static bool Folder(string root, IncrementalHash hash, Action<string> text)
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
            foreach (var entry in entries)
            {
                var kind = FileKinds.Of(entry);
                text(Path.GetRelativePath(root, entry) + "\0" + kind);
                if (kind == FileKind.Regular)
                {
                    hash.AppendData(Convert.FromHexString(Output.OutputManifest.Hash(entry)));
                }
                else if (kind != FileKind.Directory)
                {
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return true;
    }
}
