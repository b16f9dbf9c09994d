using BackSiteGen.Diagnostics;
using BackSiteGen.Site;

namespace BackSiteGen.Tests.Infrastructure;

/// <summary>A whole site written from one string of <c>-- path --</c> sections, as Hugo's integration tests do,
/// built in a temporary folder. Without its own theme files the site uses the repository's default theme.</summary>
internal sealed class SiteFixture : IDisposable
{
    /// <summary>A site.yml that turns the review cycle off, for tests about something else: the cycle is on by default
    /// (every page needs review dates) and has tests of its own in Trust/.</summary>
    public const string NoReviewCycle = "-- content/site.yml --\nreview: { enabled: false }\n";

    /// <summary>The site.yml lines every reviewed site needs: nobody is invented as publisher or reviewer (issue 16).</summary>
    public const string TrustData = "publisher: { name: Test publisher }\neditorial_team: Test review team\n";

    private SiteFixture(string root) => Root = root;

    public string Root { get; }

    /// <summary>The repository's own theme, or the fixture's when the spec wrote files under themes/default/.</summary>
    public string ThemeDir => Directory.Exists(Path.Combine(Root, "themes", "default")) ? "themes/default" : Path.Combine(Repository.Root, "themes", "default");

    public static SiteFixture Create(string spec)
    {
        var root = Path.Combine(Path.GetTempPath(), "bsg-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "content"));
        var fixture = new SiteFixture(root);
        foreach (var (path, text) in Parse(spec))
        {
            fixture.Write(path, text);
        }

        return fixture;
    }

    /// <summary>Splits a spec into files: a line <c>-- content/a.md --</c> starts a file that runs to the next such line.</summary>
    public static IEnumerable<(string Path, string Text)> Parse(string spec)
    {
        string? current = null;
        var lines = new List<string>();
        foreach (var line in spec.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (current is not null)
                {
                    yield return (current, string.Join('\n', lines).TrimEnd('\n') + "\n");
                }

                current = line[3..^3];
                lines.Clear();
            }
            else if (current is not null)
            {
                lines.Add(line);
            }
        }

        if (current is not null)
        {
            yield return (current, string.Join('\n', lines).TrimEnd('\n') + "\n");
        }
    }

    public void Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public BuildOptions Options(string? baseUrl = null, bool strict = false, bool drafts = false, string output = "output") =>
        new("content", ThemeDir, output, baseUrl, strict, drafts, new DateOnly(2026, 11, 23), Root);

    public BuildResult Build(string? baseUrl = null, bool strict = false, bool drafts = false) =>
        SiteBuilder.Build(Options(baseUrl, strict, drafts));

    public BuildResult Build(BuildOptions options) => SiteBuilder.Build(options);

    public bool OutputExists(string relativePath) => File.Exists(Path.Combine(Root, "output", relativePath));

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(Root, "output", relativePath));

    /// <summary>Every file of the output as path → bytes, for byte-for-byte comparisons; but for the marker's stamps of the
    /// inputs (<c>input</c> lines), which a build into an existing output records and one into a new folder does not, and
    /// which say only when the inputs were written (a test of them reads the marker itself).</summary>
    public SortedDictionary<string, byte[]> Snapshot(string folder = "output")
    {
        var root = Path.Combine(Root, folder);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            files[relative] = relative == Output.OutputFolder.MarkerFile ? WithoutInputStamps(File.ReadAllBytes(file)) : File.ReadAllBytes(file);
        }

        return files;
    }

    private static byte[] WithoutInputStamps(byte[] marker)
    {
        var text = System.Text.Encoding.UTF8.GetString(marker);
        return text.Contains("\ninputs-hashed-by ", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("input ", StringComparison.Ordinal) && !l.StartsWith("inputs-hashed-by ", StringComparison.Ordinal))))
            : marker;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test that left a read-only file behind; the temp folder is cleaned by the OS.
        }
    }
}

internal static class BuildResultExtensions
{
    /// <summary>The diagnostics as a user sees them: <c>content/a.md(3,1): error BSG0201: …</c>.</summary>
    public static IReadOnlyList<string> Lines(this BuildResult result) =>
        result.Diagnostics.Select(DiagnosticFormatter.ToMsBuild).ToList();

    public static IReadOnlyList<string> Errors(this BuildResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(DiagnosticFormatter.ToMsBuild).ToList();
}
